import path from "node:path";
import { spawnServer, type SpawnedServer } from "../spawn-server";
import type { Fault } from "./fault-switch";

export type ServerProcess = Omit<SpawnedServer, "send"> & {
  injectFault: (fault: Fault) => Promise<void>;
};

const faultSwitch = path.resolve("tests/concurrency/fault-switch.ts");

/**
 * Starts the built server on `databasePath` as one node process, so a test can SIGKILL the very
 * process that holds the database and start another on the same file.
 */
export async function launchServer({
  databasePath,
  port,
  env = {},
}: {
  databasePath: string;
  port: number;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const { send, ...server } = await spawnServer({
    port,
    preload: [faultSwitch],
    env: { DATABASE_PATH: databasePath, SEED_DEMO: "true", ...env },
  });
  return { ...server, injectFault: send };
}
