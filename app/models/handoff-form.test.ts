import { expect, test } from "vitest";
import { formValuesOf, formValuesOfHandoff, handoffFormFields } from "./handoff-form";

test("a refused form comes back as typed, ignoring values no field could hold", () => {
  const form = new FormData();
  for (const [k, v] of [
    ["accountName", "Initech"],
    ["promiseText", "Live in week 2"],
    ["promiseModule", "ingestion-rules"],
    ["promiseText", ""],
    ["promiseModule", ""],
    ["friction:kickoff#0", "told"],
    ["friction:kickoff#1", "maybe"],
  ])
    form.append(k, v);
  form.append("notes", new File(["x"], "x.txt"));
  expect(formValuesOf(handoffFormFields(form))).toEqual({
    accountName: "Initech",
    csmId: "",
    goLiveTarget: "",
    notes: "",
    promises: [
      { text: "Live in week 2", moduleSlug: "ingestion-rules" },
      { text: "", moduleSlug: "" },
    ],
    friction: { "kickoff#0": "told" },
  });
});

test("an edit starts from the saved answers; a friction point the module gained starts unanswered", () => {
  const values = formValuesOfHandoff({
    handoff: { accountName: "Acme", csmId: "c1", goLiveTarget: "2027-01-31", notes: "Hi" },
    promises: [{ text: "Rules live", moduleSlug: "rules" }],
    friction: [
      { moduleSlug: "rules", text: "14-step upload", told: false },
      { moduleSlug: "rules", text: "Dropped since", told: true },
    ],
    points: [
      { key: "rules#0", moduleSlug: "rules", text: "14-step upload" },
      { key: "rules#1", moduleSlug: "rules", text: "New in revision 2" },
    ],
  });
  expect(values.friction).toEqual({ "rules#0": "not_discussed" });
  expect(values.promises).toEqual([{ text: "Rules live", moduleSlug: "rules" }]);
});
