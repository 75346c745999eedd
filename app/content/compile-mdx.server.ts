import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import rehypeHighlight from "rehype-highlight";
import rehypeSlug from "rehype-slug";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import { isKnownComponent } from "~/components/mdx/mdx-components";
import { createCompileContext, realPath, report, type CompileContext } from "./compile-context";
import { compileErrorDiagnostics } from "./compile-errors";
import { createCodeGuard } from "./mdx-plugins/code-guard";
import { esbuildProductImports } from "./mdx-plugins/esbuild-product-imports";
import { componentsGlobal, componentsModule } from "./mdx-plugins/framework-imports";
import { rehypeCodeMeta } from "./mdx-plugins/rehype-code-meta";
import { rehypeToc } from "./mdx-plugins/rehype-toc";
import { remarkAdmonitions } from "./mdx-plugins/remark-admonitions";
import { remarkCodeGuard } from "./mdx-plugins/remark-code-guard";
import { remarkComponents } from "./mdx-plugins/remark-components";
import { remarkDocCardList } from "./mdx-plugins/remark-doc-card-list";
import { remarkHeadingComponent } from "./mdx-plugins/remark-heading-component";
import { remarkHeadingIds } from "./mdx-plugins/remark-heading-ids";
import { remarkLocalUrls } from "./mdx-plugins/remark-local-urls";
import { remarkMermaid } from "./mdx-plugins/remark-mermaid";
import { remarkQuiz } from "./mdx-plugins/remark-quiz";
import { remarkViewGroups } from "./mdx-plugins/remark-view-groups";
import { rehypeTocInline, remarkTocInline } from "./mdx-plugins/toc-inline";
import { readModuleFrontmatter } from "./module-frontmatter";
import { normalizeMdxSource } from "./normalize-mdx-source";
import { renderModule } from "./render-module.server";
import type { Diagnostic, QuizKey, TocHeading } from "./types";

/** Part of every cache key: bump it whenever a plugin or component change alters compiled output or its checks. */
export const COMPILER_VERSION = "firsthand-mdx-6";

export type CompiledModule = {
  ok: boolean;
  code: string | null;
  headings: TocHeading[];
  quizKeys: QuizKey[];
  /** Compile and render problems, with absolute file paths. Frontmatter schema problems are the loader's. */
  diagnostics: Diagnostic[];
};

const highlightOptions = {
  detect: false,
  plainText: ["mermaid", "math", "latex", "tex", "mdx-code-block"],
  aliases: {
    json: ["jsonc", "json5"],
    markdown: ["mdx"],
    javascript: ["mjs", "cjs"],
    shell: ["console", "terminal"],
  },
};

/** Compiles one module's source into mdx-bundler code plus the metadata pages and grading need. Pure: no cache, no database. */
export async function compileMdx({
  source,
  filePath,
  productDir,
  productSlug,
}: {
  source: string;
  filePath: string;
  productDir: string;
  productSlug: string;
}): Promise<CompiledModule> {
  const normalized = normalizeMdxSource(source);
  const context = createCompileContext({
    productDir,
    productSlug,
    modulePath: filePath,
    entrySource: normalized.source,
  });
  const failed = (): CompiledModule => ({
    ok: false,
    code: null,
    headings: [],
    quizKeys: [],
    diagnostics: context.diagnostics,
  });

  const frontmatter = readModuleFrontmatter({ source, file: filePath });
  if (frontmatter.fatal) {
    context.diagnostics.push(...frontmatter.diagnostics);
    return failed();
  }

  context.headingIds.set(filePath, normalized.headingIds);
  const guard = createCodeGuard(context);
  let code: string;
  try {
    ({ code } = await bundleMDX({
      source: { value: normalized.source, path: context.entryPath },
      cwd: path.dirname(filePath),
      globals: { [componentsModule]: { varName: componentsGlobal, type: "cjs" } },
      mdxOptions(options) {
        options.format = "mdx";
        // The guard runs first, on the author's code, before any plugin adds code of its own.
        options.remarkPlugins = [
          [remarkCodeGuard, guard],
          ...(options.remarkPlugins ?? []),
          remarkGfm,
          remarkDirective,
          [remarkAdmonitions, context],
          [remarkMermaid, context],
          remarkHeadingComponent,
          [remarkHeadingIds, context],
          remarkViewGroups,
          [remarkDocCardList, context],
          [remarkLocalUrls, context],
          [remarkQuiz, context],
          remarkTocInline,
          [remarkComponents, { context, isKnownComponent }],
        ];
        options.rehypePlugins = [
          ...(options.rehypePlugins ?? []),
          rehypeSlug,
          [rehypeHighlight, highlightOptions],
          rehypeCodeMeta,
          [rehypeToc, context],
          [rehypeTocInline, context],
        ];
        return options;
      },
      esbuildOptions(options) {
        options.plugins = [
          esbuildProductImports({ context, guard, isKnownComponent }),
          ...(options.plugins ?? []),
        ];
        options.logLevel = "silent";
        options.target = "es2020";
        return options;
      },
    }));
  } catch (error) {
    context.diagnostics.push(
      ...compileErrorDiagnostics({ error, cwd: path.dirname(filePath), file: filePath }).map(
        toRealPath,
      ),
    );
    return failed();
  }

  // Code that reaches the server is never run, not even for the test render below.
  if (guard.count > 0) return failed();
  if (!rendersWithoutError({ code, context })) return failed();
  return {
    ok: true,
    code,
    headings: context.headings,
    quizKeys: context.quizKeys,
    diagnostics: context.diagnostics,
  };
}

function toRealPath(diagnostic: Diagnostic): Diagnostic {
  return { ...diagnostic, file: realPath(diagnostic.file) };
}

/** Renders once as a page would; React warnings become warnings, a throw becomes the compile's error. */
function rendersWithoutError({ code, context }: { code: string; context: CompileContext }) {
  try {
    const { warnings } = renderModule(code);
    for (const warning of new Set(warnings)) {
      report(context, {
        severity: "warning",
        file: context.modulePath,
        message: `Renders with a React warning: ${warning}`,
      });
    }
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    report(context, {
      severity: "error",
      file: context.modulePath,
      message: `Renders with an error: ${message.split("\n")[0]}`,
    });
    return false;
  }
}
