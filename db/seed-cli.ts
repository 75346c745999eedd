import fs from "node:fs";
import { getEnv } from "~/utils/env.server";
import { prepareDatabase } from "./prepare";

// Re-seeds from scratch: the old database file is removed first.
const { DATABASE_PATH } = getEnv();
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(DATABASE_PATH + suffix, { force: true });
console.log(`Fresh database at ${DATABASE_PATH}`);
await prepareDatabase({ seedDemo: true });
