import { describeType, flattenSchema } from "./schema-fields";

const components = {
  Module: {
    type: "object",
    properties: {
      slug: { type: "string" },
      title: { type: "string", description: "Shown to reps." },
    },
    required: ["slug"],
  },
  Verdict: {
    type: "object",
    properties: {
      eligible: { type: "boolean" },
      status: { type: "string", enum: ["certified", "lapsed"] },
      certifiedAt: { type: ["string", "null"], format: "date-time" },
      modules: { type: "array", items: { $ref: "#/components/schemas/Module" }, maxItems: 50 },
    },
    required: ["eligible", "status", "certifiedAt", "modules"],
  },
  Change: {
    allOf: [
      { $ref: "#/components/schemas/Verdict" },
      { type: "object", properties: { updatedAt: { type: "string" } }, required: ["updatedAt"] },
    ],
  },
  Gone: {
    type: "object",
    properties: { error: { type: "string" }, eligible: { type: "boolean", enum: [false] } },
    required: ["error"],
  },
  Tree: {
    type: "object",
    properties: {
      name: { type: "string" },
      children: { type: "array", items: { $ref: "#/components/schemas/Tree" } },
    },
  },
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const names = (schema: unknown) => flattenSchema({ schema, components }).map((r) => r.name);

test("an object's fields come in order, nested arrays of objects under `name[].`", () => {
  const rows = flattenSchema({ schema: ref("Verdict"), components });
  expect(rows.map((r) => [r.name, r.depth, r.type, r.required])).toEqual([
    ["eligible", 0, "boolean", true],
    ["status", 0, "string", true],
    ["certifiedAt", 0, "string (date-time)", true],
    ["modules", 0, "array of Module", true],
    ["modules[].slug", 1, "string", true],
    ["modules[].title", 1, "string", false],
  ]);
  const byName = new Map(rows.map((r) => [r.name, r]));
  expect(byName.get("status")?.values).toEqual(["certified", "lapsed"]);
  expect(byName.get("certifiedAt")?.nullable).toBe(true);
  expect(byName.get("eligible")?.nullable).toBe(false);
  expect(byName.get("modules")?.constraints).toEqual(["at most 50 items"]);
  expect(byName.get("modules[].title")?.description).toBe("Shown to reps.");
});

test("allOf merges its members' fields; a one-of lists each shape's fields under its name", () => {
  expect(names(ref("Change"))).toEqual([...names(ref("Verdict")), "updatedAt"]);
  const page = {
    type: "object",
    properties: {
      data: { type: "array", items: { anyOf: [ref("Change"), ref("Gone")] } },
      next: { type: ["string", "null"] },
    },
    required: ["data", "next"],
  };
  const rows = flattenSchema({ schema: page, components });
  expect(rows[0]).toMatchObject({ name: "data", type: "array of Change or Gone", variant: null });
  expect(rows.filter((r) => r.variant === "Change").map((r) => r.name)).toContain(
    "data[].updatedAt",
  );
  expect(rows.filter((r) => r.variant === "Gone").map((r) => [r.name, r.values])).toEqual([
    ["data[].error", null],
    ["data[].eligible", ["false"]],
  ]);
  expect(rows.at(-1)).toMatchObject({
    name: "next",
    nullable: true,
    required: true,
    variant: null,
  });
});

test("limits and defaults read as words; a recursive schema stops at its second visit", () => {
  const query = {
    type: "object",
    properties: {
      limit: { type: "integer", minimum: 1, maximum: 500, default: 100 },
      email: { type: "string", format: "email", maxLength: 254 },
      checks: { type: "array", items: { type: "string" }, minItems: 1, maxItems: 1000 },
      events: { type: "array", items: { type: "string", enum: ["a", "b"] }, minItems: 1 },
    },
  };
  const rows = flattenSchema({ schema: query, components });
  expect(rows.map((r) => r.constraints)).toEqual([
    ["from 1 to 500", "default 100"],
    ["at most 254 characters"],
    ["1–1,000 items"],
    ["at least 1 item"],
  ]);
  expect(rows[3].values).toEqual(["a", "b"]);
  expect(names(ref("Tree"))).toEqual(["name", "children"]);
  expect(describeType(ref("Tree"), components)).toBe("Tree");
  expect(describeType({ anyOf: [{ type: "string" }, { type: "null" }] }, components)).toBe(
    "string",
  );
  expect(flattenSchema({ schema: { $ref: "#/components/schemas/Missing" }, components })).toEqual(
    [],
  );
});
