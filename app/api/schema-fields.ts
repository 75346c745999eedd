/** Pure: JSON Schemas from an OpenAPI document as rows a person can read, one per field. */

export type Json = { [key: string]: unknown };
export type Components = Record<string, unknown>;

export type FieldRow = {
  /** Dotted path from the body's root; `[]` marks an array's items: `refreshDueModules[].slug`. */
  name: string;
  depth: number;
  type: string;
  required: boolean;
  nullable: boolean;
  description: string | null;
  /** The only values allowed, when the schema lists them. */
  values: string[] | null;
  /** Limits worth knowing before sending: "at most 254 characters", "default 100". */
  constraints: string[];
  /** Which shape of a one-of this row belongs to, e.g. "CertificationChangeUnanswerable". */
  variant: string | null;
};

export const isJson = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const refPrefix = "#/components/schemas/";

/** The schema a `$ref` points at (followed until it is not one) and the name it was filed under. */
export function resolveSchema(
  schema: unknown,
  components: Components,
): { schema: Json; name: string | null } {
  let current = isJson(schema) ? schema : {};
  let name: string | null = null;
  for (let hops = 0; typeof current.$ref === "string" && hops < 20; hops++) {
    const ref = current.$ref;
    name = ref.startsWith(refPrefix) ? ref.slice(refPrefix.length) : ref;
    const target = components[name];
    current = isJson(target) ? target : {};
  }
  return { schema: current, name };
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const variantsOf = (schema: Json) => [...list(schema.anyOf), ...list(schema.oneOf)];
const typesOf = (schema: Json): string[] =>
  Array.isArray(schema.type)
    ? schema.type.filter((t): t is string => typeof t === "string")
    : typeof schema.type === "string"
      ? [schema.type]
      : [];

/** Properties and required names of an object, with allOf members merged in order. */
function objectShape(schema: Json, components: Components, seen: Set<string>) {
  const properties: [string, unknown][] = [];
  const required = new Set<string>();
  const add = (s: Json) => {
    if (isJson(s.properties)) properties.push(...Object.entries(s.properties));
    for (const r of list(s.required)) if (typeof r === "string") required.add(r);
    for (const member of list(s.allOf)) {
      const { schema: m, name } = resolveSchema(member, components);
      if (name && seen.has(name)) continue;
      add(m);
    }
  };
  add(schema);
  return { properties, required };
}

const isObjectLike = (schema: Json) =>
  isJson(schema.properties) || list(schema.allOf).length > 0 || typesOf(schema).includes("object");

function isNullable(schema: Json, components: Components): boolean {
  if (typesOf(schema).includes("null")) return true;
  return variantsOf(schema).some((v) => {
    const resolved = resolveSchema(v, components).schema;
    return typesOf(resolved).length === 1 && typesOf(resolved)[0] === "null";
  });
}

/** A short type name: "string (date-time)", "array of Eligibility", "integer". */
export function describeType(schema: unknown, components: Components): string {
  const { schema: s, name } = resolveSchema(schema, components);
  if (name && isObjectLike(s)) return name;
  const variants = variantsOf(s)
    .filter((v) => !(isJson(v) && v.type === "null"))
    .map((v) => describeType(v, components));
  if (variants.length) return [...new Set(variants)].join(" or ");
  const types = typesOf(s).filter((t) => t !== "null");
  if (types.includes("array")) return `array of ${describeType(s.items, components)}`;
  if (isObjectLike(s)) return "object";
  const base = types.join(" or ") || (s.enum || s.const !== undefined ? "value" : "any");
  return typeof s.format === "string" ? `${base} (${s.format})` : base;
}

function allowedValues(schema: Json): string[] | null {
  const values = schema.const !== undefined ? [schema.const] : list(schema.enum);
  return values.length ? values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))) : null;
}

/** An array of enum items ("events": ["certification.issued", …]) lists the items' values. */
function itemValues(schema: Json, components: Components): string[] | null {
  return typesOf(schema).includes("array")
    ? allowedValues(resolveSchema(schema.items, components).schema)
    : null;
}

function constraintsOf(schema: Json): string[] {
  const out: string[] = [];
  const n = (key: string) => (typeof schema[key] === "number" ? Number(schema[key]) : null);
  const count = (value: number) => value.toLocaleString("en");
  const range = (min: number | null, max: number | null, unit: string) => {
    const units = (value: number) => (value === 1 ? unit.replace(/s$/, "") : unit);
    if (min !== null && max !== null) out.push(`${count(min)}–${count(max)} ${unit}`);
    else if (min !== null) out.push(`at least ${count(min)} ${units(min)}`);
    else if (max !== null) out.push(`at most ${count(max)} ${units(max)}`);
  };
  range(n("minLength"), n("maxLength"), "characters");
  range(n("minItems"), n("maxItems"), "items");
  const min = n("minimum");
  const max = n("maximum");
  if (min !== null && max !== null) out.push(`from ${min} to ${max}`);
  else if (min !== null) out.push(`at least ${min}`);
  else if (max !== null) out.push(`at most ${max}`);
  if (typeof schema.pattern === "string") out.push(`matches ${schema.pattern}`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

type Walk = { prefix: string; depth: number; variant: string | null; seen: Set<string> };

/** Rows for whatever sits inside a value of this schema: an object's fields, array items, variants. */
function childRows(schema: unknown, components: Components, at: Walk): FieldRow[] {
  const { schema: s, name } = resolveSchema(schema, components);
  if (name && at.seen.has(name)) return [];
  const seen = name ? new Set([...at.seen, name]) : at.seen;
  const variants = variantsOf(s).filter((v) => !(isJson(v) && v.type === "null"));
  if (variants.length > 1) {
    return variants.flatMap((v, i) => {
      const label = resolveSchema(v, components).name ?? `shape ${i + 1}`;
      return childRows(v, components, { ...at, seen, variant: label });
    });
  }
  if (variants.length === 1) return childRows(variants[0], components, { ...at, seen });
  if (typesOf(s).includes("array"))
    return childRows(s.items, components, { ...at, seen, prefix: `${at.prefix}[]` });
  if (!isObjectLike(s)) return [];
  const { properties, required } = objectShape(s, components, seen);
  return properties.flatMap(([key, property]) => {
    const resolved = resolveSchema(property, components).schema;
    const own = isJson(property) ? property : {};
    const fieldName = at.prefix ? `${at.prefix}.${key}` : key;
    const row: FieldRow = {
      name: fieldName,
      depth: at.depth,
      type: describeType(property, components),
      required: required.has(key),
      nullable: isNullable(resolved, components),
      description:
        typeof own.description === "string"
          ? own.description
          : typeof resolved.description === "string"
            ? resolved.description
            : null,
      values: allowedValues(resolved) ?? itemValues(resolved, components),
      constraints: constraintsOf(resolved),
      variant: at.variant,
    };
    return [
      row,
      ...childRows(property, components, {
        prefix: fieldName,
        depth: at.depth + 1,
        variant: at.variant,
        seen,
      }),
    ];
  });
}

/** Every field of a request or response body, depth first, in the order the schema lists them. */
export function flattenSchema({
  schema,
  components,
}: {
  schema: unknown;
  components: Components;
}): FieldRow[] {
  return childRows(schema, components, { prefix: "", depth: 0, variant: null, seen: new Set() });
}

/** The one-line facts of a parameter's schema: type, allowed values and limits. */
export function describeParameterSchema(schema: unknown, components: Components) {
  const { schema: s } = resolveSchema(schema, components);
  return {
    type: describeType(schema, components),
    values: allowedValues(s),
    constraints: constraintsOf(s),
  };
}
