import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { generateBenchData, parseBenchDataArgs } from "../../scripts/bench-data";
import { startServer, type RunningServer } from "./start-server";

type Organisation = Awaited<ReturnType<typeof generateBenchData>> & { server: RunningServer };

/**
 * A generated organisation (`npm run bench:data` with these options) served by the built server,
 * as `npm run bench` serves it, for the calling test file; removed after its tests.
 */
export function generatedOrganisationForThisFile(options: string[]): () => Organisation {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-generated-"));
  let organisation: Organisation | undefined;
  beforeAll(async () => {
    const summary = await generateBenchData(
      parseBenchDataArgs([...options, "--out", dir]),
      () => {},
    );
    const server = await startServer({
      DATABASE_PATH: summary.databasePath,
      CONTENT_DIR: summary.contentDir,
      SEED_DEMO: "false",
    });
    organisation = { ...summary, server };
  });
  afterAll(async () => {
    await organisation?.server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!organisation) throw new Error("The organisation is not served yet");
    return organisation;
  };
}
