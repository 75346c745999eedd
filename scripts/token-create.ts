import { parseArgs } from "node:util";
import { z } from "zod";
import { apiScopes } from "#db/schema";
import { createApiToken } from "~/models/api-token.server";
import { displayName } from "~/utils/display-text";

const usage = `Usage: npm run token:create -- --name NAME --scope SCOPE [--scope SCOPE…]\nScopes: ${apiScopes.join(", ")}. The token is printed once, alone on the last line.`;

const argsSchema = z.object({
  name: displayName({ label: "a --name", max: 100 }),
  scope: z
    .array(
      z.enum(apiScopes, {
        errorMap: () => ({ message: `--scope must be one of ${apiScopes.join(", ")}` }),
      }),
    )
    .min(1, "give at least one --scope"),
});

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(1);
}

let values;
try {
  values = parseArgs({
    options: { name: { type: "string" }, scope: { type: "string", multiple: true } },
  }).values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const parsed = argsSchema.safeParse({ name: values.name ?? "", scope: values.scope ?? [] });
if (!parsed.success) fail(parsed.error.issues[0].message);

const { token, row } = createApiToken({ name: parsed.data.name, scopes: parsed.data.scope });
console.log(`Created API token "${row.name}" (${parsed.data.scope.join(", ")}). It is shown once:`);
console.log(token);
