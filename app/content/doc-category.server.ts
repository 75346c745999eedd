import fs from "node:fs";
import path from "node:path";
import { readModuleFrontmatter } from "./module-frontmatter";
import {
  compareEntryNames,
  hasModuleExtension,
  isIgnoredName,
  stripExtension,
} from "./module-path";
import { moduleTitle } from "./module-title";

export type DocCardItem = { file: string; title: string; description?: string; position?: number };

const isCategoryIndex = (fileName: string, dirName: string) =>
  ["index", "readme", dirName.toLowerCase()].includes(stripExtension(fileName).toLowerCase());

function readItem(file: string): DocCardItem {
  const source = fs.readFileSync(file, "utf8");
  const { data } = readModuleFrontmatter({ source, file });
  const text = (key: string) => {
    const value = (data as Record<string, unknown>)[key];
    return typeof value === "string" && value.trim() ? value.trim() : undefined;
  };
  const position = (data as Record<string, unknown>).sidebar_position;
  return {
    file,
    title:
      text("sidebar_label") ??
      moduleTitle({ frontmatterTitle: text("title"), source, fileName: path.basename(file) }),
    description: text("description"),
    position: typeof position === "number" ? position : undefined,
  };
}

function categoryIndexOf(dir: string) {
  const name = fs
    .readdirSync(dir)
    .find((entry) => hasModuleExtension(entry) && isCategoryIndex(entry, path.basename(dir)));
  return name ? path.join(dir, name) : null;
}

/**
 * The docs Docusaurus's `<DocCardList />` would list for a page: a category index page (`index`,
 * `README` or the folder's own name) lists the rest of its folder, a page beside a folder of its own
 * name lists that folder, any other page its siblings. Subfolders appear as their index page.
 */
export function docCategoryItems({ modulePath }: { modulePath: string }): DocCardItem[] {
  const dir = path.dirname(modulePath);
  const base = stripExtension(path.basename(modulePath)).toLowerCase();
  const namesake = isCategoryIndex(path.basename(modulePath), path.basename(dir))
    ? null
    : fs
        .readdirSync(dir, { withFileTypes: true })
        .find((entry) => entry.isDirectory() && entry.name.toLowerCase() === base);
  const categoryDir = namesake ? path.join(dir, namesake.name) : dir;

  const items: DocCardItem[] = [];
  for (const entry of fs
    .readdirSync(categoryDir, { withFileTypes: true })
    .sort((a, b) => compareEntryNames(a.name, b.name))) {
    if (isIgnoredName(entry.name) || entry.name.startsWith("_")) continue;
    const full = path.join(categoryDir, entry.name);
    if (full === modulePath) continue;
    if (entry.isDirectory()) {
      const index = categoryIndexOf(full);
      if (index) items.push(readItem(index));
    } else if (hasModuleExtension(entry.name)) {
      items.push(readItem(full));
    }
  }
  const rank = (item: DocCardItem) => item.position ?? Number.MAX_SAFE_INTEGER;
  return items.sort((a, b) => rank(a) - rank(b));
}
