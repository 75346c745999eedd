import fs from "node:fs";
import path from "node:path";
import { renderModule } from "./render-module.server";
import { compileMdx } from "./compile-mdx.server";
import { writeTree } from "./__fixtures__/write-tree";

const png = Buffer.from("89504e470d0a1a0a", "hex");

async function compile(source: string, extraFiles: Record<string, string | Buffer> = {}) {
  const productDir = writeTree({
    "module.mdx": source,
    "images/logo.png": png,
    "static/img/brand.png": png,
    ...extraFiles,
  });
  const filePath = path.join(productDir, "module.mdx");
  const result = await compileMdx({ source, filePath, productDir, productSlug: "acme" });
  const html = result.code ? renderModule(result.code).html : "";
  const messages = result.diagnostics.map(
    (d) => `${d.severity} ${path.relative(productDir, d.file)}:${d.line ?? "-"} ${d.message}`,
  );
  return { ...result, html, messages, productDir };
}

const quiz = (attributes: string, choices: string) => `# Title

<Quiz ${attributes}>
${choices}
  <Explain>Ingestion rules pull the feeds every morning.</Explain>
</Quiz>
`;

test("a quiz's answer key and explanation are moved to server-only data", async () => {
  const result = await compile(
    quiz(
      'id="monday-upload" question="What replaces the Monday upload?"',
      "  <Choice>A weekly template</Choice>\n  <Choice correct>Automated ingestion</Choice>",
    ),
  );
  expect(result.ok).toBe(true);
  expect(result.quizKeys).toEqual([
    {
      id: "monday-upload",
      question: "What replaces the Monday upload?",
      multiple: false,
      choices: [
        { value: "0", text: "A weekly template" },
        { value: "1", text: "Automated ingestion" },
      ],
      correct: ["1"],
      explanationHtml: "Ingestion rules pull the feeds every morning.",
      line: 3,
    },
  ]);
  expect(result.code).toContain("What replaces the Monday upload?");
  expect(result.code).toContain("A weekly template");
  expect(result.code).toContain("Automated ingestion");
  expect(result.code).not.toMatch(/correct/i);
  expect(result.code).not.toContain("Ingestion rules pull");
  expect(result.code).not.toContain("Explain");
  expect(result.html).toContain('type="radio"');
  expect(result.html).not.toMatch(/correct/i);
});

test("several correct choices make a multiple-answer quiz with checkboxes", async () => {
  const result = await compile(
    quiz(
      'id="causes" question="Which apply?"',
      "  <Choice correct>One</Choice>\n  <Choice>Two</Choice>\n  <Choice correct={true}>Three</Choice>",
    ),
  );
  expect(result.quizKeys[0]).toMatchObject({ multiple: true, correct: ["0", "2"] });
  expect(result.html).toContain('type="checkbox"');
  expect(result.html.match(/name="choice"/g)).toHaveLength(3);
});

test("malformed quizzes are errors with their line", async () => {
  const noCorrect = await compile(
    quiz('id="a" question="Q?"', "  <Choice>One</Choice>\n  <Choice>Two</Choice>"),
  );
  expect(noCorrect.messages).toContain(
    "error module.mdx:3 Quiz a has no correct choice: mark one with <Choice correct>",
  );

  const noId = await compile(
    quiz('question="Q?"', "  <Choice correct>One</Choice>\n  <Choice>Two</Choice>"),
  );
  expect(noId.messages).toContain(
    'error module.mdx:3 Quiz has no id: add id="…", unique within the product',
  );

  const noQuestion = await compile(
    quiz('id="b"', "  <Choice correct>One</Choice>\n  <Choice>Two</Choice>"),
  );
  expect(noQuestion.messages).toContain(
    'error module.mdx:3 Quiz b has no question: add question="…"',
  );

  const oneChoice = await compile(quiz('id="c" question="Q?"', "  <Choice correct>Only</Choice>"));
  expect(oneChoice.messages).toContain(
    "error module.mdx:3 Quiz c needs at least 2 choices (has 1)",
  );

  const twiceQuiz =
    '<Quiz id="d" question="Q?">\n  <Choice correct>One</Choice>\n  <Choice>Two</Choice>\n</Quiz>\n';
  const twice = await compile(`# Title\n\n${twiceQuiz}\n${twiceQuiz}`);
  expect(twice.messages).toContain('error module.mdx:8 Quiz id "d" is used twice in this module');
});

test("admonitions become callouts in both the label and the Docusaurus title syntax", async () => {
  const result = await compile(
    ":::tip[Label title]\nBody one\n:::\n\n:::warning Docusaurus title\nBody two\n:::\n\n:::note\nNo title\n:::\n\nAt 12:30:00 we meet :smile:.\n",
  );
  expect(result.html).toContain(
    '<div class="fh-callout fh-callout--tip" role="note"><p class="fh-callout__title">Label title</p>',
  );
  expect(result.html).toContain(
    '<p class="fh-callout__title">Docusaurus title</p><div class="fh-callout__body"><p>Body two</p>',
  );
  expect(result.html).toContain(
    'fh-callout--note" role="note"><p class="fh-callout__title">Note</p>',
  );
  expect(result.html).toContain("At 12:30:00 we meet :smile:.");
});

test("code blocks keep their language and title and are highlighted at compile time", async () => {
  const result = await compile(
    '```ts title="config.ts"\nconst answer: number = 42;\n```\n\n```mermaid\ngraph TD; A-->B\n```\n',
  );
  expect(result.html).toContain('<span class="fh-code__title">config.ts</span>');
  expect(result.html).toContain('class="hljs language-ts"');
  expect(result.html).toContain('<span class="hljs-keyword">const</span>');
  expect(result.html).toContain("graph TD; A--&gt;B");
});

test("h2 and h3 headings are extracted with their ids for the table of contents", async () => {
  const result = await compile(
    "# Page\n\n## First part\n\n### A detail\n\n## Custom {#my-id}\n\n#### Too deep\n",
  );
  expect(result.headings).toEqual([
    { depth: 2, id: "first-part", text: "First part" },
    { depth: 3, id: "a-detail", text: "A detail" },
    { depth: 2, id: "my-id", text: "Custom" },
  ]);
  expect(result.html).toContain('<h2 id="my-id">Custom</h2>');
});

test("Mintlify's <Heading> is a heading of its level in the contents; Docusaurus's stays out of them, as there", async () => {
  const result = await compile(`# Page

<Heading as="h2" id="setup">Set **up** the feed</Heading>

<Heading level={3} noAnchor>
Heading without anchor link
</Heading>

<Heading level="4">Too deep for the contents</Heading>
`);
  expect(result.messages).toEqual([]);
  expect(result.headings).toEqual([
    { depth: 3, id: "heading-without-anchor-link", text: "Heading without anchor link" },
  ]);
  expect(result.html).toContain('<h2 id="setup">Set <strong>up</strong> the feed</h2>');
  expect(result.html).toContain(
    '<h3 id="heading-without-anchor-link">Heading without anchor link</h3>',
  );
  expect(result.html).toContain('<h4 id="too-deep-for-the-contents">');
});

test("an unknown component renders as a placeholder with a warning on its line", async () => {
  const result = await compile(
    '# Team\n\n<TeamRoster>\n  <TeamRoster.Member name="Ada" />\n</TeamRoster>\n\nText with <PackageLink>inline</PackageLink>.\n',
  );
  expect(result.ok).toBe(true);
  expect(result.html).toContain("Unsupported component: TeamRoster.Member");
  expect(result.html).toContain(
    '<span class="fh-placeholder__label">Unsupported component: PackageLink</span>inline',
  );
  expect(result.messages).toEqual(
    expect.arrayContaining([
      "warning module.mdx:3 Unsupported component <TeamRoster> shown as a placeholder",
      "warning module.mdx:4 Unsupported component <TeamRoster.Member> shown as a placeholder",
      "warning module.mdx:7 Unsupported component <PackageLink> shown as a placeholder",
    ]),
  );
});

test("Docusaurus theme imports resolve to the component map", async () => {
  const result = await compile(
    'import Tabs from \'@theme/Tabs\';\nimport TabItem from \'@theme/TabItem\';\n\n<Tabs>\n<TabItem value="npm" label="npm">npm i</TabItem>\n<TabItem value="yarn" label="Yarn" default>yarn add</TabItem>\n</Tabs>\n',
  );
  expect(result.messages).toEqual([]);
  expect(result.html).toMatch(/<p class="fh-tabs__section-label" id="[^"]+">Yarn<\/p>yarn add/);
});

test("Nextra and Docusaurus component imports resolve to the map, including aliases and member components", async () => {
  const result = await compile(
    "import { Callout, Tabs, Sparkline } from 'nextra/components';\nimport Box from '@theme/Admonition';\n\n<Callout type=\"warning\">Careful.</Callout>\n\n<Box type=\"tip\" title=\"Aliased\">Works.</Box>\n\n<Tabs items={['pnpm', 'npm']}>\n<Tabs.Tab>pnpm add</Tabs.Tab>\n<Tabs.Tab>npm i</Tabs.Tab>\n</Tabs>\n\n<Sparkline />\n\n> [!NOTE]\n> GitHub-style alert.\n",
  );
  expect(result.html).toContain(
    'fh-callout--warning" role="note"><p class="fh-callout__title">Warning</p>',
  );
  expect(result.html).toContain('<p class="fh-callout__title">Aliased</p>');
  expect(result.html).toMatch(/>pnpm<\/p>pnpm add/);
  expect(result.html).toContain("Unsupported component: Sparkline");
  expect(result.html).toContain(
    'fh-callout--note" role="note"><p class="fh-callout__title">Note</p><div class="fh-callout__body"><p>GitHub-style alert.</p>',
  );
  expect(result.messages).toEqual([
    "warning module.mdx:1 nextra/components has no Firsthand equivalent for Sparkline; shown as placeholders",
    "warning module.mdx:13 <Sparkline> comes from an import that cannot be resolved; shown as a placeholder",
  ]);
});

test("an import that cannot be resolved becomes a placeholder and a warning, not a failure", async () => {
  const result = await compile(
    "import Generated from './generated/index.md';\nimport data from '../../outside.json';\nimport Raw from '!!raw-loader!./x.ts';\nimport { Widget } from 'some-package';\n\n<Generated />\n\nVersion {data.version}.\n\n<Widget>kept</Widget>\n",
  );
  expect(result.ok).toBe(true);
  expect(result.html).toContain("Unsupported component: Generated");
  expect(result.html).toContain("Unavailable value: {data.version}");
  expect(result.html).toContain("Unsupported component: Widget");
  expect(result.messages).toEqual(
    expect.arrayContaining([
      'warning module.mdx:1 Import "./generated/index.md" not found; Generated shown as placeholder',
      'warning module.mdx:2 Import "../../outside.json" is outside the product folder; data shown as placeholder',
      'warning module.mdx:3 Import "!!raw-loader!./x.ts" uses bundler loader syntax that Firsthand does not run; Raw shown as placeholder',
      'warning module.mdx:4 Cannot import package "some-package" in content; Widget shown as placeholder',
    ]),
  );
});

test("root-absolute snippet imports resolve inside the product, hooks are injected, and the map reaches the snippet", async () => {
  const result = await compile(
    'import Reminder from "/snippets/reminder.mdx";\nimport { Counter } from "/snippets/counter.jsx";\n\nexport const Local = () => {\n  const [n] = useState(3);\n  return <Note>local {n}</Note>;\n};\n\n<Reminder />\n\n<Counter />\n\n<Local />\n',
    {
      "snippets/reminder.mdx": "<Tip>Office hours are on Tuesdays.</Tip>\n",
      "snippets/counter.jsx":
        "export const Counter = () => {\n  const [count] = useState(7);\n  return <span>count {count}</span>;\n};\n",
    },
  );
  expect(result.messages).toEqual([]);
  expect(result.html).toContain(
    'fh-callout--tip" role="note"><p class="fh-callout__title">Tip</p><div class="fh-callout__body">Office hours are on Tuesdays.',
  );
  expect(result.html).toContain("<span>count <!-- -->7</span>");
  expect(result.html).toContain("local <!-- -->3");
});

test("relative and site-root images are rewritten to versioned asset URLs", async () => {
  const result = await compile(
    '![Logo](./images/logo.png)\n\n<img src="/images/logo.png" alt="again" />\n\n![Brand](/img/brand.png)\n\n![External](https://example.com/x.png)\n',
  );
  expect(result.messages).toEqual([]);
  expect(result.html).toMatch(/src="\/assets\/acme\/images\/logo\.png\?v=[0-9a-f]{12}" alt="Logo"/);
  expect(result.html).toMatch(
    /src="\/assets\/acme\/images\/logo\.png\?v=[0-9a-f]{12}" alt="again"/,
  );
  expect(result.html).toMatch(/src="\/assets\/acme\/static\/img\/brand\.png\?v=[0-9a-f]{12}"/);
  expect(result.html).toContain('src="https://example.com/x.png"');
});

test("a missing image is an error on its line", async () => {
  const result = await compile("# Images\n\n![Gone](./images/gone.png)\n");
  expect(result.messages).toContain("error module.mdx:3 Image not found: ./images/gone.png");
});

test("links to other modules point at their page; a missing one is an error", async () => {
  const result = await compile(
    "[Rules](./02-week-2/01_rules.mdx#setup) and [gone](./gone.mdx) and [site](/guide)\n",
    {
      "02-week-2/01_rules.mdx": "# Rules\n",
      "guide/index.mdx": "# Guide\n",
    },
  );
  expect(result.html).toContain('href="/products/acme/week-2/rules#setup"');
  expect(result.html).toContain('href="/products/acme/guide"');
  expect(result.messages).toContain("error module.mdx:1 Link target not found: ./gone.mdx");
});

test("MDX syntax errors are compile errors with line and column", async () => {
  const result = await compile("# Fine\n\nStill fine\n\n<Note>\nunclosed\n");
  expect(result.ok).toBe(false);
  expect(result.code).toBeNull();
  expect(result.diagnostics[0]).toMatchObject({ severity: "error", line: 5, column: 1 });
  expect(result.diagnostics[0].message).toMatch(/^Does not compile: /);
});

test("a module that throws while rendering fails with a render error", async () => {
  const result = await compile(
    "export const Boom = () => { throw new Error('kaboom'); };\n\n<Boom />\n",
  );
  expect(result.ok).toBe(false);
  expect(result.messages).toContain("error module.mdx:- Renders with an error: kaboom");
});

test("HTML comments, void tags and autolinks from docs sites compile", async () => {
  const result = await compile(
    "<!-- a comment -->\n\nLine<br>\nnext <https://example.com>\n\n<!--\nmulti\n-->\n",
  );
  expect(result.ok).toBe(true);
  expect(result.html).toContain("Line<br/>");
  expect(result.html).toContain('<a href="https://example.com">https://example.com</a>');
  expect(result.html).not.toContain("comment");
});

test("a .md module compiles as MDX, like docs frameworks treat it, and can include .md files", async () => {
  const productDir = writeTree({
    "guide.md":
      "# Guide\n\nimport Part from './_part.md'\n\n<Note>Markdown file.</Note>\n\n<Part />\n",
    "_part.md": "Included **part**.\n",
  });
  const filePath = path.join(productDir, "guide.md");
  const source = fs.readFileSync(filePath, "utf8");
  const result = await compileMdx({ source, filePath, productDir, productSlug: "acme" });
  expect(result.diagnostics).toEqual([]);
  const html = renderModule(result.code ?? "").html;
  expect(html).toContain("Markdown file.");
  expect(html).toContain("Included <strong>part</strong>.");
});

test("a module whose code reaches the server is never run, not even for the test render", async () => {
  const marker = "__firsthandGuardedModuleRan";
  const result = await compile(
    `# Guarded\n\n{[].map.constructor("globalThis.${marker} = true")()}\n\nStill text.\n`,
  );
  expect(result.ok).toBe(false);
  expect(result.code).toBeNull();
  expect(marker in globalThis).toBe(false);
  expect(result.messages).toContain(
    "error module.mdx:3 Reads `.constructor`, a path from any value to the Function constructor (content is code: see SECURITY.md)",
  );
});
