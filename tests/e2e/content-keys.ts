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

const choiceTag = /<Choice\b([^>]*)>/g;
const correctAttribute = /\s+correct(\s*=\s*(\{\s*true\s*\}|"true"|'true'))?(?=[\s/]|$)/g;

/**
 * The source with, in each quiz, exactly the choices `pick` returns (by position) marked `correct` and
 * nothing else changed: two variants of one module that differ only in where the answer is.
 */
export function withCorrectChoices(
  source: string,
  pick: (correct: number[], choiceCount: number) => number[],
) {
  return source.replace(/<Quiz\b[\s\S]*?<\/Quiz>/g, (quiz) => {
    const attributes = [...quiz.matchAll(choiceTag)].map((match) => match[1]);
    const correct = attributes.flatMap((a, index) =>
      a.replace(correctAttribute, "") === a ? [] : [index],
    );
    const chosen = new Set(pick(correct, attributes.length));
    let index = 0;
    return quiz.replace(choiceTag, (_tag, attribute: string) => {
      const marked = chosen.has(index++) ? " correct" : "";
      return `<Choice${attribute.replace(correctAttribute, "")}${marked}>`;
    });
  });
}

/** Each quiz's correct choices moved one place on (the last wraps to the first). */
export const rotateCorrectChoices = (source: string) =>
  withCorrectChoices(source, (correct, count) => correct.map((index) => (index + 1) % count));
