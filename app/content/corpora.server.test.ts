import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  docsFixtures,
  findRealCorpora,
  type DocsFolder,
} from "../../tests/fixtures/docs/docs-folders";
import { openDatabase } from "~/utils/db.server";
import { loadCatalog } from "./content.server";
import { discoverModulePaths } from "./discover.server";

// Docs folders dropped in unchanged as products must render every page: the project's own fixtures on
// every clone, and real Mintlify and Docusaurus docs wherever ../shared/corpora is beside the clone (CI).
const corpora = findRealCorpora();

function testEveryPageRenders({
  folder,
  label,
  real,
}: {
  folder: DocsFolder;
  label: string;
  real: boolean;
}) {
  test(`every page of the ${label} compiles and renders`, async () => {
    const db = openDatabase(
      path.join(fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-corpus-")), "c.db"),
    );
    const started = performance.now();
    const [product] = await loadCatalog({ contentDir: folder.dir, db });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);

    expect(product.modules).toHaveLength(discoverModulePaths(folder.dir).length);
    const notReady = product.modules
      .filter((module) => module.status !== "ready")
      .map((m) => `${m.path}: ${m.error}`);
    expect(notReady).toEqual([]);
    const errors = product.diagnostics.filter((d) => d.severity === "error");
    const warnings = product.diagnostics.length - errors.length;
    console.info(
      `${label}: ${product.modules.length} modules ready in ${seconds}s, ${errors.length} errors, ${warnings} warnings`,
    );
    if (real) {
      // Problems in other people's docs (e.g. images the corpus left out) are reported, never fatal.
      for (const error of errors)
        expect(error.message).toMatch(/^(Image not found|Link target not found)/);
    } else {
      expect(product.diagnostics).toEqual([]);
    }
  }, 120_000);
}

for (const folder of docsFixtures)
  testEveryPageRenders({ folder, label: `${folder.name} fixture`, real: false });

if (corpora.present) {
  for (const folder of corpora.folders)
    testEveryPageRenders({ folder, label: `${folder.name} corpus`, real: true });
} else if (corpora.required) {
  test("the real-docs corpora are beside this clone", () => {
    throw new Error(corpora.message);
  });
} else {
  console.warn(corpora.message);
}

test("a missing corpora folder is named plainly, and is a failure when FIRSTHAND_REQUIRE_CORPORA=1", () => {
  const nowhere = path.join(os.tmpdir(), "firsthand-no-such-corpora");
  const relaxed = findRealCorpora({}, nowhere);
  const strict = findRealCorpora({ FIRSTHAND_REQUIRE_CORPORA: "1" }, nowhere);
  expect(relaxed).toMatchObject({ present: false, required: false });
  expect(strict).toMatchObject({ present: false, required: true });
  const messageOf = (found: typeof relaxed) => (found.present ? "" : found.message);
  expect(messageOf(relaxed)).toMatch(
    /^Real-docs corpora tests did not run: \.\.\/shared\/corpora is not beside this clone \(CI provides it;.*\)\. The project's own fixtures in tests\/fixtures\/docs were tested\.$/,
  );
  expect(messageOf(strict)).toContain(path.join(nowhere, "mintlify"));
  expect(messageOf(strict)).toMatch(/required \(FIRSTHAND_REQUIRE_CORPORA=1\) but missing/);

  const present = fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-corpora-"));
  for (const name of ["mintlify", "docusaurus"]) fs.mkdirSync(path.join(present, name));
  expect(findRealCorpora({ FIRSTHAND_REQUIRE_CORPORA: "1" }, present)).toEqual({
    present: true,
    folders: [
      { name: "mintlify", dir: path.join(present, "mintlify") },
      { name: "docusaurus", dir: path.join(present, "docusaurus") },
    ],
  });
});
