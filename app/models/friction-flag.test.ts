import YAML from "yaml";
import {
  countsByProduct,
  frictionAnchors,
  frictionFlagSchema,
  frictionYamlLines,
} from "./friction-flag";

const anchors = frictionAnchors({
  title: "Upload your historical data",
  headings: [
    { depth: 2, id: "prepare-the-files", text: "Prepare the files" },
    { depth: 3, id: "split-large-files", text: "Split large files" },
  ],
});
const schema = frictionFlagSchema(anchors);
const parse = (fields: Record<string, unknown>) =>
  schema.safeParse({ intent: "flag-friction", ...fields });
const messageOf = (fields: Record<string, unknown>) => {
  const parsed = parse(fields);
  return parsed.success ? null : parsed.error.issues[0].message;
};

test("the module title comes first, then the page's headings in order", () => {
  expect(anchors.map((a) => a.id)).toEqual([
    "module-title",
    "prepare-the-files",
    "split-large-files",
  ]);
});

test("a flag names a heading by its id or its text, and keeps the note trimmed", () => {
  const byId = parse({
    heading: "split-large-files",
    note: "  Nobody said 50 MB is the limit \r\n",
  });
  expect(byId.success && byId.data).toMatchObject({
    heading: { id: "split-large-files", text: "Split large files" },
    note: "Nobody said 50 MB is the limit",
  });
  const byText = parse({ heading: "prepare the FILES", note: "x" });
  expect(byText.success && byText.data.heading.id).toBe("prepare-the-files");
});

test("an empty, too long or unsafe note, or a heading of another module, is refused with a message", () => {
  expect(messageOf({ heading: "module-title", note: "   " })).toBe(
    "Say what was confusing or missing.",
  );
  expect(messageOf({ heading: "module-title", note: "x".repeat(1001) })).toBe(
    "Keep the note under 1,001 characters.",
  );
  expect(messageOf({ heading: "module-title", note: "abc\u202eevil" })).toMatch(
    /control or text-direction/,
  );
  expect(messageOf({ heading: "module-title", note: "a\u0007b" })).toMatch(/control/);
  expect(messageOf({ heading: "connect-your-erp", note: "Confusing" })).toBe(
    "Choose a heading of this module.",
  );
  expect(parse({ heading: "module-title", note: "line one\nline two\twith a tab" }).success).toBe(
    true,
  );
});

test("the YAML line for a friction entry is one list item that reads back as the note", () => {
  const plain = frictionYamlLines({
    note: "Nobody told me the upload has 14 steps",
    hasList: true,
  });
  expect(plain).toBe("  - Nobody told me the upload has 14 steps");
  const tricky = frictionYamlLines({
    note: 'Step 3: the "Map" button\nis hidden # behind a menu',
    hasList: true,
  });
  expect(tricky.split("\n")).toHaveLength(1);
  expect(YAML.parse(`friction:\n${tricky}\n`)).toEqual({
    friction: ['Step 3: the "Map" button is hidden # behind a menu'],
  });
});

test("a module without a friction list gets the key as well", () => {
  const lines = frictionYamlLines({ note: "- starts like a list", hasList: false });
  expect(YAML.parse(lines)).toEqual({ friction: ["- starts like a list"] });
  expect(lines.startsWith("friction:\n  - ")).toBe(true);
});

test("per-module counts add up per product", () => {
  expect(
    countsByProduct([
      { productSlug: "a", moduleSlug: "m1", open: 2, resolved: 1 },
      { productSlug: "b", moduleSlug: "m1", open: 0, resolved: 4 },
      { productSlug: "a", moduleSlug: "m2", open: 1, resolved: 0 },
    ]),
  ).toEqual([
    { productSlug: "a", open: 3, resolved: 1 },
    { productSlug: "b", open: 0, resolved: 4 },
  ]);
});
