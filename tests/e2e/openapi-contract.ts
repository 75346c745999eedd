import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";

export type JsonSchema = { [key: string]: unknown };
export type Operation = {
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
};
export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Every operation the document lists, as "GET /api/v1/eligibility". */
export function listOperations(document: OpenApiDocument) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.includes(method))
      .map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })),
  );
}

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The schema with every object closed to properties it does not declare, so a field the code sends
 * but the document leaves out fails. Closing happens where a schema is used, never inside an
 * allOf, because a member of allOf only sees its own share of the properties.
 */
export function closeObjects(schema: JsonSchema, { open = false } = {}): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "properties" && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, s]) => [name, isObject(s) ? closeObjects(s) : s]),
      );
    } else if (["allOf", "anyOf", "oneOf", "prefixItems"].includes(key) && Array.isArray(value)) {
      out[key] = value.map((s) => (isObject(s) ? closeObjects(s, { open: key === "allOf" }) : s));
    } else if (["items", "additionalProperties", "not"].includes(key) && isObject(value)) {
      out[key] = closeObjects(value);
    } else {
      out[key] = value;
    }
  }
  const declaresShape = "$ref" in schema || "allOf" in schema || "properties" in schema;
  if (!open && declaresShape && !("additionalProperties" in schema)) {
    out.unevaluatedProperties = false;
  }
  return out;
}

/** Validates values against schemas from the document, resolving `#/components/schemas/…`. */
export function schemaValidator(document: OpenApiDocument) {
  // Unknown keywords fail; strictTypes stays off because a $ref site closed with
  // unevaluatedProperties does not repeat the target's `type: object`.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  // OpenAPI's own annotation keywords, and the key that holds the shared schemas.
  ajv.addVocabulary(["example", "components"]);
  const components = {
    schemas: Object.fromEntries(
      Object.entries(document.components?.schemas ?? {}).map(([name, s]) => [
        name,
        closeObjects(s, { open: true }),
      ]),
    ),
  };
  return (schema: JsonSchema, value: unknown) => {
    const validate = ajv.compile({ ...closeObjects(schema), components });
    return validate(value)
      ? []
      : (validate.errors ?? []).map(
          (e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`,
        );
  };
}
