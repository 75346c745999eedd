export type Severity = "error" | "warning";

/** A problem found in content, pointing at the file (absolute path) and, where known, the line. */
export type Diagnostic = {
  severity: Severity;
  message: string;
  file: string;
  line?: number;
  column?: number;
};

export type TocHeading = { depth: 2 | 3; id: string; text: string };

export type QuizChoice = { value: string; text: string };

/** Everything needed to grade a quiz. Server-only: never send it to the browser before a submit. */
export type QuizKey = {
  id: string;
  question: string;
  multiple: boolean;
  choices: QuizChoice[];
  correct: string[];
  explanationHtml: string;
  line: number;
};

export type CertificationPolicy = {
  passMark: number;
  validDays: number;
  refreshGraceDays: number;
  maxAttemptsPerDay: number;
};

export type ModuleStatus = "ready" | "stale" | "unavailable";

export type ModuleSummary = {
  slug: string;
  /** Relative to the product folder, with forward slashes. */
  path: string;
  title: string;
  summary: string | null;
  week: number | null;
  duration: number | null;
  revision: number;
  friction: string[];
  /** sha256 hex of the module file's bytes as they are now. */
  sourceHash: string;
  /** sha256 of the source whose compiled code is served: sourceHash when ready, the last good one when stale. */
  shownSourceHash: string | null;
  status: ModuleStatus;
  error?: string;
  quizIds: string[];
};

/** One entry of a product's glossary.yml, checked against the product's modules. */
export type GlossaryTerm = {
  /** The product's own words for it. */
  term: string;
  /** Unique within the product; the glossary page's anchor is `<product>-<anchor>`. */
  anchor: string;
  definition: string;
  /** Where the customer meets it; the week comes from the module's frontmatter. */
  module: { slug: string; title: string; week: number | null };
  /** Marketing phrases this term replaces. */
  replaces: string[];
  line: number | undefined;
};

export type Product = {
  slug: string;
  name: string;
  summary: string;
  dir: string;
  policy: CertificationPolicy;
  modules: ModuleSummary[];
  /** What validated of glossary.yml (none without one). */
  glossary: GlossaryTerm[];
  diagnostics: Diagnostic[];
};
