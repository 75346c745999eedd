import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnServer } from "../spawn-server";

export { freePort } from "../spawn-server";

export type RunningServer = {
  baseUrl: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
};

/** Starts the built server on a free loopback port with a fresh database. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-e2e-"));
  const server = await spawnServer({
    env: { DATABASE_PATH: path.join(dataDir, "e2e.db"), SEED_DEMO: "true", ...env },
  }).catch((error: unknown) => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    baseUrl: server.baseUrl,
    dataDir,
    output: server.output,
    stop: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
