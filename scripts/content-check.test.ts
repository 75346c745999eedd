import { spawnSync } from "node:child_process";
import path from "node:path";
import { goodFixture, writeTree } from "~/content/__fixtures__/write-tree";

function contentCheck(dir: string) {
  const result = spawnSync("node_modules/.bin/tsx", ["scripts/content-check.ts", "--dir", dir], {
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test("a good content folder passes with a summary and exit code 0", () => {
  const result = contentCheck(goodFixture);
  expect(result.stdout.trim().split("\n").pop()).toBe(
    "1 product, 2 modules, 2 quizzes, 0 errors, 0 warnings",
  );
  expect(result.stderr).toContain(
    "[1/2] compiling app/content/__fixtures__/good/products/acme/01-welcome.mdx",
  );
  expect(result.status).toBe(0);
});

test("problems are printed as file:line:col with their severity, and any error exits 1", () => {
  const quiz = (id: string, correct: string) =>
    `<Quiz id="${id}" question="Q?">\n  <Choice${correct}>A</Choice>\n  <Choice>B</Choice>\n</Quiz>\n`;
  const dir = writeTree({
    "docs/broken.mdx": "# Broken\n\nText\n\n<Note>\nnever closed\n",
    "docs/no-answer.mdx": `# No answer\n\n${quiz("no-answer", "")}`,
    "docs/first.mdx": `# First\n\n${quiz("shared", " correct")}`,
    "docs/second.mdx": `# Second\n\n${quiz("shared", " correct")}`,
    "docs/images.mdx": "# Images\n\n![Missing](./img/missing.png)\n",
  });
  const result = contentCheck(path.join(dir, "docs"));
  const relative = (file: string) => path.relative(process.cwd(), path.join(dir, "docs", file));
  expect(result.stdout).toContain(
    `${relative("broken.mdx")}:5:1 error Does not compile: Expected a closing tag for \`<Note>\``,
  );
  expect(result.stdout).toContain(
    `${relative("no-answer.mdx")}:3:1 error Quiz no-answer has no correct choice`,
  );
  expect(result.stdout).toContain(
    `${relative("second.mdx")}:3:1 error Quiz id "shared" is already used in first.mdx`,
  );
  expect(result.stdout).toContain(
    `${relative("images.mdx")}:3:1 error Image not found: ./img/missing.png`,
  );
  expect(result.stdout.trim().split("\n").pop()).toBe(
    "1 product, 5 modules, 3 quizzes, 4 errors, 1 warning",
  );
  expect(result.status).toBe(1);
});

test("a module whose code reaches the server fails the check with file:line:col, and exits 1", () => {
  const dir = writeTree({
    "docs/product.yml": "name: Docs\nsummary: Onboarding docs.\n",
    "docs/leak.mdx": "# Leak\n\nThe database lives at {process.env.DATABASE_PATH}.\n",
    "docs/clean.mdx": "# Clean\n\nThe process is simple: `process.env` is only text here.\n",
  });
  const result = contentCheck(path.join(dir, "docs"));
  const leak = path.relative(process.cwd(), path.join(dir, "docs", "leak.mdx"));
  expect(result.stdout).toContain(
    `${leak}:3:24 error Uses \`process\`, which reaches the server (content is code: see SECURITY.md)`,
  );
  expect(result.stdout).not.toContain("clean.mdx");
  expect(result.stdout.trim().split("\n").pop()).toBe(
    "1 product, 2 modules, 0 quizzes, 1 error, 0 warnings",
  );
  expect(result.status).toBe(1);
});
