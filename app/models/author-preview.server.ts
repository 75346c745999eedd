import fs from "node:fs";
import path from "node:path";
import { contentRelativePath } from "~/content/content-relative-path.server";
import type { ModulePage } from "~/content/content.server";
import { getModuleSourceByHash } from "~/content/content.server";
import { readModuleFrontmatter } from "~/content/module-frontmatter";
import { sourceExcerpt, type ExcerptLine } from "~/content/source-excerpt";
import type { Diagnostic } from "~/content/types";
import type { QuizState } from "~/components/mdx/quiz-context";

export type PreviewProblem = {
  severity: Diagnostic["severity"];
  message: string;
  /** file:line:column inside the content folder. */
  where: string;
  excerpt: ExcerptLine[];
};

// An author sees every check with its key, as a rep would after answering: nothing to reveal to them.
export function answerKeyState(page: Pick<ModulePage, "quizKeys">): Record<string, QuizState> {
  return Object.fromEntries(
    page.quizKeys.map((key) => [
      key.id,
      { status: "unanswered", correct: key.correct, explanationHtml: key.explanationHtml },
    ]),
  );
}

/** The findings of a module's latest edit, each with the lines of the file it points at. */
export function previewProblems(page: Pick<ModulePage, "product" | "diagnostics">) {
  const inProduct = (file: string) => {
    const relative = path.relative(page.product.dir, file);
    return !relative.startsWith("..") && !path.isAbsolute(relative);
  };
  const sources = new Map<string, string | null>();
  const read = (file: string) => {
    if (!sources.has(file)) {
      sources.set(
        file,
        inProduct(file) && fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null,
      );
    }
    return sources.get(file) ?? null;
  };
  return [...page.diagnostics]
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1))
    .map((d): PreviewProblem => {
      const source = d.line ? read(d.file) : null;
      return {
        severity: d.severity,
        message: d.message,
        where: `${contentRelativePath(d.file)}${d.line ? `:${d.line}` : ""}${d.column ? `:${d.column}` : ""}`,
        excerpt: source && d.line ? sourceExcerpt({ source, line: d.line }) : [],
      };
    });
}

/** The version reps are served while the latest edit fails, and the revision the edit states. */
export function servedVersion(page: Pick<ModulePage, "product" | "module">) {
  const { module, product } = page;
  const kept = module.shownSourceHash ? getModuleSourceByHash(module.shownSourceHash) : null;
  const file = path.join(product.dir, module.path);
  const onDisk = fs.existsSync(file)
    ? readModuleFrontmatter({ source: fs.readFileSync(file, "utf8"), file })
    : null;
  const unreadable = !onDisk || onDisk.fatal || onDisk.invalidKeys.includes("revision");
  return {
    servedHash: module.shownSourceHash,
    servedRevision: kept?.revision ?? null,
    servedSince: kept?.firstSeenAt.toISOString() ?? null,
    latestHash: module.sourceHash,
    latestRevision: unreadable ? null : (onDisk.data.revision ?? 1),
  };
}
