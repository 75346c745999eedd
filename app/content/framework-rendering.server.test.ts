import path from "node:path";
import { compileMdx } from "./compile-mdx.server";
import { renderModule } from "./render-module.server";
import { writeTree } from "./__fixtures__/write-tree";

const png = Buffer.from("89504e470d0a1a0a", "hex");

async function compile({
  source,
  files = {},
  module = "module.mdx",
}: {
  source: string;
  files?: Record<string, string | Buffer>;
  module?: string;
}) {
  const productDir = writeTree({ [module]: source, ...files });
  const filePath = path.join(productDir, module);
  const result = await compileMdx({ source, filePath, productDir, productSlug: "acme" });
  const html = result.code ? renderModule(result.code).html.replace(/<!-- -->/g, "") : "";
  const messages = result.diagnostics.map(
    (d) => `${d.severity} ${path.relative(productDir, d.file)}:${d.line ?? "-"} ${d.message}`,
  );
  return { ...result, html, messages };
}

test("Visibility shows content meant for people and leaves out content meant for agents", async () => {
  const { html, messages } = await compile({
    source:
      '<Visibility for="humans">Click **Connect**.</Visibility>\n\n<Visibility for="agents">Call the connect endpoint.</Visibility>\n',
  });
  expect(messages).toEqual([]);
  expect(html).toContain("Click <strong>Connect</strong>.");
  expect(html).not.toContain("connect endpoint");
});

test("an imported SVG renders as an image, so scripts and handlers inside it never run in the page", async () => {
  const hostile =
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="4" height="4"/></svg>';
  const { html, messages } = await compile({
    source:
      'import Flow from \'@/public/images/flow.svg\';\n\n<Flow className="wide" onClick={() => alert(3)} title="The order flow" />\n',
    files: { "public/images/flow.svg": hostile },
  });
  expect(messages).toEqual([]);
  expect(html).toMatch(
    /^<img src="\/assets\/acme\/public\/images\/flow\.svg\?v=[0-9a-f]{12}" class="fh-svg wide" alt="The order flow"\/>$/,
  );
  expect(html).not.toMatch(/script|onload|onclick|alert/i);
});

test("an imported SVG without a title is described by its file name", async () => {
  const { html } = await compile({
    source: "import RateChart from './rate_chart.svg';\n\n<RateChart />\n",
    files: { "rate_chart.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>" },
  });
  expect(html).toContain('alt="rate chart"');
});

test("@site/ imports and /img/ paths resolve from a Docusaurus site in a subfolder, with its static/ folder", async () => {
  const { html, messages } = await compile({
    module: "docs/intro.mdx",
    source:
      "import Brand from '@site/static/img/brand.svg';\nimport { Hint } from '@site/src/components/hint.jsx';\n\n<Brand title=\"Brand\" />\n\n![Board](/img/board.png)\n\n<Hint>From the site's own source.</Hint>\n",
    files: {
      "website/docusaurus.config.js": "export default {};",
      "website/static/img/brand.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
      "website/static/img/board.png": png,
      "website/src/components/hint.jsx":
        'export const Hint = ({ children }) => <em className="hint">{children}</em>;',
    },
  });
  expect(messages).toEqual([]);
  expect(html).toMatch(/src="\/assets\/acme\/website\/static\/img\/brand\.svg\?v=/);
  expect(html).toMatch(/src="\/assets\/acme\/website\/static\/img\/board\.png\?v=/);
  expect(html).toContain('<em class="hint">From the site&#x27;s own source.</em>');
});

test("root-absolute images of a Next.js site come from public/", async () => {
  const { html, messages } = await compile({
    source: "![Shifts](/images/shifts.png)\n",
    files: { "public/images/shifts.png": png },
  });
  expect(messages).toEqual([]);
  expect(html).toMatch(/src="\/assets\/acme\/public\/images\/shifts\.png\?v=/);
});

test("a Markdown list inside a Tree becomes folders and files", async () => {
  const { html } = await compile({
    source: "<Tree>\n\n- app/\n  - page.tsx\n- empty/\n- README.md\n\n</Tree>\n",
  });
  expect(html).toContain(
    '<li class="fh-tree__folder"><details open=""><summary class="fh-tree__row"><span class="fh-tree__name">app</span></summary><ul class="fh-tree__group"><li class="fh-tree__file"><span class="fh-tree__row"><span class="fh-tree__name">page.tsx</span>',
  );
  expect(html).toContain(
    '<details><summary class="fh-tree__row"><span class="fh-tree__name">empty</span></summary>',
  );
  expect(html).toContain(
    '<li class="fh-tree__file"><span class="fh-tree__row"><span class="fh-tree__name">README.md</span>',
  );
});

test("neighbouring Views become one set of tabs; a lone View keeps its title", async () => {
  const { html } = await compile({
    source:
      '<View title="Python">py</View>\n<View title="Go">go</View>\n\nBetween.\n\n<View title="Ruby">rb</View>\n',
  });
  expect(html.match(/class="fh-tabs /g)).toHaveLength(1);
  expect(html).toMatch(
    />Python<\/p><section class="fh-view" aria-label="Python"><div class="fh-view__body">py/,
  );
  expect(html).toContain('<p class="fh-view__title">Ruby</p>');
  expect(html).not.toContain('<p class="fh-view__title">Python</p>');
});

test("a Color value that is not a colour never reaches the style attribute", async () => {
  const { html } = await compile({
    source:
      '<Color>\n  <Color.Item name="ok" value="#0F766E" />\n  <Color.Item name="bad" value="red; background-image: url(https://evil.example/x)" />\n</Color>\n',
  });
  expect(html).toContain('style="background:#0F766E"');
  expect(html).toContain('<span class="fh-color__swatch" role="img" aria-label="bad: red;');
  expect(html).not.toMatch(/style="[^"]*evil/);
});

test("DocCardList lists the pages of the folder named after the page, by sidebar position", async () => {
  const { html, messages } = await compile({
    module: "docs/Guides.mdx",
    source: "import DocCardList from '@theme/DocCardList';\n\n<DocCardList />\n",
    files: {
      "docs/guides/zeta.mdx": "---\ntitle: Zeta first\nsidebar_position: 1\n---\n\nZ.\n",
      "docs/guides/alpha.md": "---\ndescription: Starts here.\n---\n\n# Alpha guide\n",
      "docs/guides/_draft.mdx": "# Draft\n",
    },
  });
  expect(messages).toEqual([]);
  expect(html).toMatch(
    /href="\/products\/acme\/docs\/guides\/zeta"><div class="fh-card__content"><span class="fh-card__title">Zeta first<\/span><\/div><\/a><a class="fh-card fh-card--link" href="\/products\/acme\/docs\/guides\/alpha"><div class="fh-card__content"><span class="fh-card__title">Alpha guide<\/span><div class="fh-card__body"><p>Starts here\.<\/p>/,
  );
  expect(html).not.toContain("Draft");
});

test("Prompt, Update, Tile, Panel and the pinned examples keep the framework's structure", async () => {
  const { html, messages } = await compile({
    source: [
      '<Prompt description="Summarise *this* page">Summarise the page.</Prompt>',
      '<Update label="March 2026" tags={["Billing"]}>Invoices show VAT.</Update>',
      '<Tile href="https://example.com" title="Docs">preview</Tile>',
      "<Panel>Pinned.</Panel>",
      "<RequestExample>\n\n```bash Ping\ncurl /ping\n```\n\n</RequestExample>",
    ].join("\n\n"),
  });
  expect(messages).toEqual([]);
  expect(html).toContain(
    '<span class="fh-prompt__description">Summarise <em>this</em> page</span>',
  );
  expect(html).toContain('<section class="fh-update" id="march-2026" aria-label="March 2026">');
  expect(html).toContain('<li class="fh-update__tag">Billing</li>');
  expect(html).toContain(
    '<a class="fh-tile" href="https://example.com"><span class="fh-tile__preview">preview</span><span class="fh-tile__title">Docs</span>',
  );
  expect(html).toContain('<aside class="fh-panel" aria-label="Side panel">Pinned.</aside>');
  expect(html).toMatch(
    /<aside class="fh-example fh-example--request" aria-label="Request example">.*>Ping</s,
  );
});

test("useBaseUrl gives a static image's asset URL, and other URLs unchanged", async () => {
  const { html, messages } = await compile({
    source:
      "import useBaseUrl from '@docusaurus/useBaseUrl';\n\n<img src={useBaseUrl('/img/board.png')} alt=\"Board\" />\n\n<a href={useBaseUrl('/docs/next')}>Next</a>\n",
    files: { "static/img/board.png": png },
  });
  expect(messages).toEqual([]);
  expect(html).toMatch(
    /<img src="\/assets\/acme\/static\/img\/board\.png\?v=[0-9a-f]{12}" alt="Board"\/>/,
  );
  expect(html).toContain('<a href="/docs/next">Next</a>');
});
