import fs from "node:fs";
import path from "node:path";

// Runs before each test file imports app code: every worker gets its own copy of the migrated base.
const dir = path.resolve("data/test");
const file = path.join(dir, `worker-${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}.db`);
if (!fs.existsSync(file)) fs.copyFileSync(path.join(dir, "base.db"), file);
process.env.DATABASE_PATH = file;
process.env.SEED_DEMO = "false";
