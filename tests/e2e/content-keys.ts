import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getModule, loadCatalog } from "~/content/content.server";
import { openDatabase } from "~/utils/db.server";

// The tests read answer keys straight from the content, as the server does, so they work for any
// content folder rather than a hard-coded list of answers.
const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fh-keys-")), "keys.db"));

export function demoCatalog(contentDir = "content") {
  return loadCatalog({ contentDir, db });
}

export async function moduleWithKeys({
  productSlug,
  moduleSlug,
  contentDir = "content",
}: {
  productSlug: string;
  moduleSlug: string;
  contentDir?: string;
}) {
  const loaded = await getModule({ productSlug, moduleSlug, contentDir, db });
  if (!loaded) throw new Error(`No module ${productSlug}/${moduleSlug}`);
  return loaded;
}
