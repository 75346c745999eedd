import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const fixturesDir = path.dirname(fileURLToPath(import.meta.url));

/** Writes `{ "a/b.mdx": "…" }` into a fresh temporary folder and returns its path. */
export function writeTree(files: Record<string, string | Buffer>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-content-"));
  for (const [relativePath, contents] of Object.entries(files)) {
    const file = path.join(dir, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, contents);
  }
  return dir;
}

/** Copies a fixture folder into a temporary folder, so a test can edit it. */
export function copyFixture(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `firsthand-${name}-`));
  fs.cpSync(path.join(fixturesDir, name), dir, { recursive: true });
  return dir;
}

export const goodFixture = path.join(fixturesDir, "good");
