import type { Diagnostic, QuizKey, TocHeading } from "./types";

/** State shared by the remark/rehype/esbuild plugins during one module compile. */
export type CompileContext = {
  productDir: string;
  productSlug: string;
  /** Absolute path of the module file. */
  modulePath: string;
  /** The path esbuild knows the entry by (a `.md` module is compiled as `<file>.md.mdx`). */
  entryPath: string;
  /** The module source after normalisation, which is what gets compiled. */
  entrySource: string;
  diagnostics: Diagnostic[];
  quizKeys: QuizKey[];
  headings: TocHeading[];
  /** Custom `{#id}` heading ids by absolute file path, then by line. */
  headingIds: Map<string, Map<number, string>>;
  /** Generated modules (stubs, shims, asset URLs) by import specifier. */
  virtualModules: Map<string, string>;
};

export function createCompileContext({
  productDir,
  productSlug,
  modulePath,
  entrySource,
}: {
  productDir: string;
  productSlug: string;
  modulePath: string;
  entrySource: string;
}): CompileContext {
  return {
    productDir,
    productSlug,
    modulePath,
    entryPath: asMdxPath(modulePath),
    entrySource,
    diagnostics: [],
    quizKeys: [],
    headings: [],
    headingIds: new Map(),
    virtualModules: new Map(),
  };
}

/** MDX only compiles `.mdx` names, and docs frameworks treat `.md` as MDX too. */
export function asMdxPath(filePath: string) {
  return filePath.toLowerCase().endsWith(".mdx") ? filePath : `${filePath}.mdx`;
}

export function realPath(filePath: string) {
  return /\.md\.mdx$/i.test(filePath) ? filePath.slice(0, -4) : filePath;
}

export function isEntryFile(context: CompileContext, filePath: string) {
  return filePath === context.entryPath;
}

export function report(
  context: CompileContext,
  diagnostic: Omit<Diagnostic, "file"> & { file: string },
) {
  context.diagnostics.push({ ...diagnostic, file: realPath(diagnostic.file) });
}
