import fs from "node:fs";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { seedDemoOrganisation } from "./seed";

// Re-seeds from scratch: the old database file is removed first.
const { DATABASE_PATH } = getEnv();
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(DATABASE_PATH + suffix, { force: true });
console.log(`Fresh database at ${DATABASE_PATH}`);
getDb();
await seedDemoOrganisation();
