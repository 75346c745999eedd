import {
  describeParameterSchema,
  flattenSchema,
  isJson,
  resolveSchema,
  type Components,
  type FieldRow,
  type Json,
} from "./schema-fields";

/** Pure: an OpenAPI document as the API reference page shows it, operation by operation. */

export type ParameterRow = {
  name: string;
  in: string;
  required: boolean;
  type: string;
  values: string[] | null;
  constraints: string[];
  description: string | null;
};

export type ResponseEntry = {
  status: string;
  description: string;
  schemaName: string | null;
  fields: FieldRow[];
  /** An earlier status of this operation with the same body, whose fields stand for this one's. */
  sameBodyAs: string | null;
};

export type OperationEntry = {
  id: string;
  method: string;
  path: string;
  summary: string | null;
  description: string | null;
  scopes: string[];
  parameters: ParameterRow[];
  requestBody: {
    contentType: string;
    schemaName: string | null;
    required: boolean;
    fields: FieldRow[];
  } | null;
  responses: ResponseEntry[];
  curl: string;
};

export type ApiReference = {
  title: string;
  version: string;
  description: string | null;
  serverUrl: string;
  operations: OperationEntry[];
};

const methods = ["get", "post", "put", "patch", "delete"];
const text = (value: unknown) => (typeof value === "string" ? value : null);
const entries = (value: unknown): [string, unknown][] =>
  isJson(value) ? Object.entries(value) : [];

function jsonMedia(content: unknown): { contentType: string; schema: unknown } | null {
  const found = entries(content).find(([type]) => /json/.test(type));
  return found && isJson(found[1]) ? { contentType: found[0], schema: found[1].schema } : null;
}

/** A value for a schema, from its examples where the document gives them. */
export function exampleValue(schema: unknown, components: Components, depth = 0): unknown {
  const { schema: s } = resolveSchema(schema, components);
  if (s.example !== undefined) return s.example;
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  if (depth > 8) return null;
  const variants = [
    ...(Array.isArray(s.anyOf) ? s.anyOf : []),
    ...(Array.isArray(s.oneOf) ? s.oneOf : []),
  ];
  if (variants.length) return exampleValue(variants[0], components, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  if (type === "array") return [exampleValue(s.items, components, depth + 1)];
  if (type === "object" || isJson(s.properties) || Array.isArray(s.allOf)) {
    const object: Json = {};
    for (const member of [s, ...(Array.isArray(s.allOf) ? s.allOf : [])]) {
      const m = resolveSchema(member, components).schema;
      for (const [key, property] of entries(m.properties))
        object[key] = exampleValue(property, components, depth + 1);
    }
    return object;
  }
  if (type === "integer" || type === "number") return typeof s.minimum === "number" ? s.minimum : 1;
  if (type === "boolean") return true;
  if (s.format === "date-time") return "2025-01-31T00:00:00Z";
  if (s.format === "email") return "ada.lovelace@example.com";
  return "string";
}

const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** A curl command for an operation, its values taken from the document's examples. */
export function curlExample({
  serverUrl,
  method,
  path,
  parameters,
  body,
}: {
  serverUrl: string;
  method: string;
  path: string;
  parameters: { name: string; in: string; required: boolean; example: unknown }[];
  body: { contentType: string; example: unknown } | null;
}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const example = parameters.find((p) => p.in === "path" && p.name === name)?.example;
    if (example === undefined) return `<${name}>`;
    return /^<\w+>$/.test(String(example)) ? String(example) : encodeURIComponent(String(example));
  });
  const query = new URLSearchParams();
  for (const p of parameters)
    if (p.in === "query" && p.example !== undefined) query.set(p.name, String(p.example));
  const url = `${serverUrl.replace(/\/$/, "")}${filled}${query.size ? `?${query}` : ""}`;
  const lines = [
    `curl${method === "GET" ? "" : ` -X ${method}`} ${shellQuote(url)}`,
    `  -H "Authorization: Bearer $FIRSTHAND_TOKEN"`,
  ];
  if (body) {
    lines.push(`  -H ${shellQuote(`Content-Type: ${body.contentType}`)}`);
    lines.push(`  -d ${shellQuote(JSON.stringify(body.example))}`);
  }
  return lines.join(" \\\n");
}

function parameterExample(parameter: Json, components: Components): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const { schema } = resolveSchema(parameter.schema, components);
  if (schema.example !== undefined) return schema.example;
  // Optional parameters without an example stay out of the command; a path needs a placeholder.
  if (parameter.in === "path") return `<${String(parameter.name)}>`;
  return parameter.required ? exampleValue(schema, components) : undefined;
}

function describeOperation({
  path,
  method,
  operation,
  components,
  serverUrl,
}: {
  path: string;
  method: string;
  operation: Json;
  components: Components;
  serverUrl: string;
}): OperationEntry {
  const rawParameters = (Array.isArray(operation.parameters) ? operation.parameters : []).filter(
    (p): p is Json => isJson(p) && typeof p.name === "string",
  );
  const parameters: ParameterRow[] = rawParameters.map((p) => {
    const schema = resolveSchema(p.schema, components).schema;
    return {
      name: String(p.name),
      in: String(p.in),
      required: p.required === true,
      ...describeParameterSchema(p.schema, components),
      description: text(p.description) ?? text(schema.description),
    };
  });

  const body = isJson(operation.requestBody) ? jsonMedia(operation.requestBody.content) : null;
  const requestBody = body
    ? {
        contentType: body.contentType,
        schemaName: resolveSchema(body.schema, components).name,
        required: isJson(operation.requestBody) && operation.requestBody.required === true,
        fields: flattenSchema({ schema: body.schema, components }),
      }
    : null;

  const responses: ResponseEntry[] = [];
  const sorted = entries(operation.responses).sort(([a], [b]) => a.localeCompare(b));
  for (const [status, response] of sorted) {
    const r = isJson(response) ? response : {};
    const media = jsonMedia(r.content);
    const schemaName = media ? resolveSchema(media.schema, components).name : null;
    const earlier = schemaName
      ? responses.find((e) => e.schemaName === schemaName && !e.sameBodyAs)
      : undefined;
    responses.push({
      status,
      description: text(r.description) ?? "",
      schemaName,
      fields: media && !earlier ? flattenSchema({ schema: media.schema, components }) : [],
      sameBodyAs: earlier?.status ?? null,
    });
  }

  const scopes = (Array.isArray(operation.security) ? operation.security : []).flatMap((s) =>
    entries(s).flatMap(([, values]) =>
      Array.isArray(values) ? values.filter((v): v is string => typeof v === "string") : [],
    ),
  );
  const upper = method.toUpperCase();
  return {
    id: `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, "-").replace(/-+$/, ""),
    method: upper,
    path,
    summary: text(operation.summary),
    description: text(operation.description),
    scopes: [...new Set(scopes)],
    parameters,
    requestBody,
    responses,
    curl: curlExample({
      serverUrl,
      method: upper,
      path,
      parameters: rawParameters.map((p) => ({
        name: String(p.name),
        in: String(p.in),
        required: p.required === true,
        example: parameterExample(p, components),
      })),
      body: body
        ? { contentType: body.contentType, example: exampleValue(body.schema, components) }
        : null,
    }),
  };
}

/** The whole document as the reference page reads it, operations in the document's order. */
export function describeApi(document: object): ApiReference {
  const doc: Json = isJson(document) ? document : {};
  const info = isJson(doc.info) ? doc.info : {};
  const components =
    isJson(doc.components) && isJson(doc.components.schemas) ? doc.components.schemas : {};
  const server =
    Array.isArray(doc.servers) && isJson(doc.servers[0]) ? text(doc.servers[0].url) : null;
  const serverUrl = server ?? "";
  const operations = entries(doc.paths).flatMap(([path, item]) =>
    entries(item).flatMap(([method, operation]) =>
      methods.includes(method) && isJson(operation)
        ? [describeOperation({ path, method, operation, components, serverUrl })]
        : [],
    ),
  );
  return {
    title: text(info.title) ?? "API",
    version: text(info.version) ?? "",
    description: text(info.description),
    serverUrl,
    operations,
  };
}
