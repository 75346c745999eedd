import type { ModuleSummary, Product, QuizKey } from "~/content/types";

export function quizKey(id: string, correct = ["1"]): QuizKey {
  return {
    id,
    question: `Question ${id}?`,
    multiple: correct.length > 1,
    choices: ["0", "1", "2"].map((value) => ({ value, text: `Choice ${value}` })),
    correct,
    explanationHtml: `<p>Because of ${id}.</p>`,
    line: 1,
  };
}

export function moduleFixture(slug: string, quizIds: string[], revision = 1): ModuleSummary {
  return {
    slug,
    path: `${slug}.mdx`,
    title: `Module ${slug}`,
    summary: null,
    week: 1,
    duration: 10,
    revision,
    friction: [],
    sourceHash: `${slug}-hash-r${revision}`,
    shownSourceHash: `${slug}-hash-r${revision}`,
    status: "ready",
    quizIds,
  };
}

/** A product of three modules (a: q1, b: q2 + q3, c: q4) with an editable policy. */
export function productFixture(overrides: Partial<Product> = {}): Product {
  return {
    slug: `product-${crypto.randomUUID().slice(0, 8)}`,
    name: "Fixture Product",
    summary: "For tests.",
    dir: "/nowhere",
    policy: { passMark: 0.5, validDays: 365, refreshGraceDays: 14, maxAttemptsPerDay: 3 },
    modules: [
      moduleFixture("a", ["q1"]),
      moduleFixture("b", ["q2", "q3"]),
      moduleFixture("c", ["q4"]),
    ],
    glossary: [],
    diagnostics: [],
    ...overrides,
  };
}
