import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "~/utils/db.server";

export const testDataDir = path.resolve("data/test");
export const baseDatabasePath = path.join(testDataDir, "base.db");

/** One migrated database file that every test worker copies, so no worker runs migrations. */
export default function setup() {
  fs.rmSync(testDataDir, { recursive: true, force: true });
  fs.mkdirSync(testDataDir, { recursive: true });
  const db = openDatabase(baseDatabasePath);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  return () => fs.rmSync(testDataDir, { recursive: true, force: true });
}
