import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "./db.server";
import { getDatabaseVersion } from "./db-version.server";

const globalForDb = globalThis as unknown as { firsthandDb?: Db };

test("the version moves on a write by this connection or another one, and only then, and is the handle's own", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-version-"));
  const previous = globalForDb.firsthandDb;
  const served = openDatabase(path.join(dir, "v.db"));
  const other = openDatabase(path.join(dir, "v.db"));
  globalForDb.firsthandDb = served;
  try {
    served.$client.exec("CREATE TABLE notes (body TEXT)");
    const start = getDatabaseVersion();
    expect(getDatabaseVersion()).toBe(start);

    other.$client.prepare("INSERT INTO notes VALUES ('from another process')").run();
    const afterOther = getDatabaseVersion();
    expect(afterOther).not.toBe(start);
    expect(getDatabaseVersion()).toBe(afterOther);

    served.$client.prepare("INSERT INTO notes VALUES ('from this one')").run();
    const afterOwn = getDatabaseVersion();
    expect(afterOwn).not.toBe(afterOther);

    // Another handle never shares a version, whatever its counters say.
    globalForDb.firsthandDb = other;
    expect(getDatabaseVersion()).not.toBe(afterOwn);
  } finally {
    globalForDb.firsthandDb = previous;
    served.$client.close();
    other.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
