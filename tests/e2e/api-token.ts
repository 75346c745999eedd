import { execFileSync } from "node:child_process";
import path from "node:path";
import type { RunningServer } from "./start-server";

/** Creates an API token in a running test server's database the way an admin would, with the CLI. */
export function createApiToken(server: RunningServer, scopes: string[], name = "Test CRM") {
  const output = execFileSync(
    "node_modules/.bin/tsx",
    ["scripts/token-create.ts", "--name", name, ...scopes.flatMap((s) => ["--scope", s])],
    {
      env: {
        ...process.env,
        DATABASE_PATH: path.join(server.dataDir, "e2e.db"),
        SEED_DEMO: "false",
      },
      encoding: "utf8",
    },
  );
  return output.trim().split("\n").at(-1)!;
}
