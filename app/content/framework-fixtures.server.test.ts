import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { docsFixtures } from "../../tests/fixtures/docs/docs-folders";
import { mdxComponents } from "~/components/mdx/mdx-components";
import { openDatabase } from "~/utils/db.server";
import { getModule, loadCatalog } from "./content.server";
import { discoverModulePaths } from "./discover.server";
import { frameworkShims } from "./mdx-plugins/framework-imports";
import { calloutTypes } from "./mdx-plugins/remark-admonitions";
import { moduleUrl } from "./module-path";
import { productAssetResponse } from "./product-asset.server";
import { renderModule } from "./render-module.server";
import type { Product } from "./types";

// The project's own docs in every framework style the pipeline supports: no ../shared needed.
const db = openDatabase(
  path.join(fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-fixtures-")), "f.db"),
);

type RenderedPage = { path: string; html: string; warnings: string[] };
const loaded = new Map<string, Promise<{ product: Product; pages: RenderedPage[] }>>();

/** Compiles a fixture product once per file and renders every module as a page would. */
function loadFixture(dir: string) {
  let result = loaded.get(dir);
  if (!result) {
    result = (async () => {
      const [product] = await loadCatalog({ contentDir: dir, db });
      const pages = [];
      for (const module of product.modules) {
        const page = await getModule({
          productSlug: product.slug,
          moduleSlug: module.slug,
          contentDir: dir,
          db,
        });
        if (!page?.code) throw new Error(`${module.path} did not compile: ${module.error}`);
        pages.push({ path: module.path, ...renderModule(page.code) });
      }
      return { product, pages };
    })();
    loaded.set(dir, result);
  }
  return result;
}

function sourcesOf(dir: string) {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(mdx?|jsx?)$/.test(file))
    .map((file) => fs.readFileSync(path.join(dir, file), "utf8"))
    .join("\n");
}

const attributeValues = (html: string, attribute: string) =>
  [...html.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, "g"))].map((m) =>
    m[1].replace(/&amp;/g, "&"),
  );

// What each component draws, so a component that silently renders nothing is caught.
const rendered: Record<string, string[]> = {
  mintlify: [
    "fh-frame",
    "fh-callout--note",
    "fh-callout--info",
    "fh-callout--tip",
    "fh-callout--warning",
    "fh-callout--danger",
    "fh-callout--check",
    "fh-card",
    "fh-card__image",
    "fh-card--horizontal",
    "fh-card__cta",
    "fh-grid fh-grid--cols-3",
    "fh-grid fh-grid--cols-2",
    "fh-column",
    "fh-tooltip",
    "fh-badge fh-badge--blue",
    "fh-badge fh-badge--green",
    "fh-steps",
    "fh-step__title",
    "fh-code-group",
    "fh-field__name",
    "fh-field__required",
    "fh-accordion-group",
    "fh-accordion",
    "fh-expandable",
    "fh-video",
    "fh-quiz",
    // From the /snippets/ imports: an MDX snippet, its named export and a JSX component.
    "on-duty engineer replies within two",
    "onboarding@parcelpoint.example",
    "Quotes below are for a 2 kg parcel",
    "Book pickups before 16:30",
    // The page's own export.
    "In the next 14 days",
    // Mintlify's layout, reference and changelog components.
    'class="fh-panel"',
    'aria-label="Request example"',
    'aria-label="Response example"',
    ">201 Created<",
    'fh-tree__name fh-tree__name--highlight">print-label.ts<',
    'fh-tree__folder--fixed"><span class="fh-tree__row"><span class="fh-tree__name">fixtures<',
    '<span class="fh-tree__name">carrier-codes.csv</span>',
    ">TypeScript</p><section",
    'href="https://github.com/parcelpoint-example/starter-kit"',
    'fh-tile__title">Your first shipment<',
    'style="background:#1F2937"',
    'fh-color__row-title">Carrier accents<',
    "Draft a <strong>label webhook</strong> handler",
    "paste the handler",
    'fh-update__label" href="#2026-11-03">2026-11-03<',
  ],
  docusaurus: [
    "fh-callout--note",
    "fh-callout--tip",
    "fh-callout--info",
    "fh-callout--warning",
    "fh-callout--danger",
    "fh-callout--caution",
    "fh-callout--important",
    "fh-callout--check",
    ">Start with your calmest site<",
    ">Who to ask<",
    ">Invitations expire<",
    ">Do not import former staff<",
    ">Fill from availability<",
    ">Ready for week three<",
    'id="for-managers"',
    'class="shift-tag">barista<',
    "The live preview of your published rota appears here",
    "sends only the changed shifts",
    'href="https://status.rosterly.example"',
    ">people.csv<",
    ">export-from-hr.sh<",
    ">What Fill does, in short<",
    "fh-quiz",
    // Docusaurus theme components and an SVG imported from @site/ as a component.
    'fh-card__title">Build the first rota<',
    'fh-card__title">Shift swaps<',
    'class="fh-svg" alt="The week view, drawn from the imported SVG"',
    '<picture class="fh-themed-image">',
    'alt="How a swap moves from offer to approval"',
    '<summary class="fh-accordion__summary">Why two steps?</summary>',
    "Scheduling happens in two steps",
    "Publish at least 48 hours before the first shift.",
    '<nav class="fh-toc-inline" aria-label="On this page"><ul><li class="fh-toc-inline__item--h2"><a href="#who-publishes">Who publishes</a>',
    '<h2 id="before-you-start">Before you start</h2>',
  ],
  nextra: [
    "fh-callout--info",
    "fh-callout--note",
    "fh-callout--tip",
    "fh-callout--important",
    "fh-callout--warning",
    "fh-callout--caution",
    "fh-callout--danger",
    "fh-grid fh-grid--cols-2",
    "fh-card",
    "fh-steps",
    "fh-code",
    "Signalbox pages the secondary",
    "fh-quiz",
    // Nextra's components, and an SVG imported from @/public/ as a component.
    'class="fh-banner"',
    'class="fh-svg" aria-label="An alert pages the on-call engineer, who acknowledges it"',
    'class="fh-bleed"',
    'aria-current="true">this-week.md<',
    "<th>Pass on</th>",
    'alt="The paging flow, zoomable"',
    'href="/products/nextra/alerts/routing">routing rules<',
  ],
};

for (const fixture of docsFixtures) {
  test(`every ${fixture.name} fixture page compiles, with no error or warning`, async () => {
    const { product } = await loadFixture(fixture.dir);
    expect(product.modules.map((m) => m.path).sort()).toEqual(
      discoverModulePaths(fixture.dir).sort(),
    );
    expect(product.modules.filter((m) => m.status !== "ready")).toEqual([]);
    expect(product.diagnostics).toEqual([]);
    expect(product.modules.flatMap((m) => m.quizIds).length).toBeGreaterThanOrEqual(2);
  });

  test(`every ${fixture.name} fixture page renders its components, with no placeholder`, async () => {
    const { pages } = await loadFixture(fixture.dir);
    for (const page of pages) {
      expect(page.warnings, page.path).toEqual([]);
      expect(page.html, page.path).not.toMatch(
        /fh-placeholder|Unsupported component|Unavailable value/,
      );
    }
    // React separates adjacent text with empty comments; a reader sees one run of text.
    const html = pages.map((page) => page.html.replace(/<!-- -->/g, "")).join("\n");
    expect(rendered[fixture.name].filter((marker) => !html.includes(marker))).toEqual([]);
  });

  test(`every image and link on the ${fixture.name} fixture pages leads somewhere real`, async () => {
    const { product, pages } = await loadFixture(fixture.dir);
    const moduleUrls = new Set(
      product.modules.map((m) => moduleUrl({ productSlug: product.slug, moduleSlug: m.slug })),
    );
    const shown = new Set<string>();
    for (const page of pages) {
      for (const src of [
        ...attributeValues(page.html, "src"),
        ...attributeValues(page.html, "poster"),
      ]) {
        if (src.startsWith("https://")) continue;
        const url = new URL(src, "http://firsthand.test");
        const prefix = `/assets/${product.slug}/`;
        expect(url.pathname.startsWith(prefix), `${page.path}: ${src}`).toBe(true);
        const assetPath = decodeURIComponent(url.pathname.slice(prefix.length));
        const response = productAssetResponse({
          productSlug: product.slug,
          assetPath,
          versioned: url.searchParams.has("v"),
          contentDir: fixture.dir,
        });
        expect(response.status, `${page.path}: ${src}`).toBe(200);
        const bytes = Buffer.from(await response.arrayBuffer());
        expect(bytes.equals(fs.readFileSync(path.join(fixture.dir, assetPath)))).toBe(true);
        shown.add(assetPath);
      }
      for (const href of attributeValues(page.html, "href")) {
        if (/^(https:|mailto:|#)/.test(href)) continue;
        const target = href.replace(/#.*$/, "");
        expect(moduleUrls.has(target), `${page.path} links to ${href}`).toBe(true);
      }
    }
    const images = fs
      .readdirSync(fixture.dir, { recursive: true, encoding: "utf8" })
      .filter((file) => /\.(svg|png|jpe?g)$/.test(file))
      .map((file) => file.split(path.sep).join("/"));
    expect([...shown].sort(), "every image in the folder is shown on a page").toEqual(
      images.sort(),
    );
  });
}

test("the fixtures use every component, member, framework shim and admonition the pipeline supports", () => {
  const source = docsFixtures.map((fixture) => sourcesOf(fixture.dir)).join("\n");
  // Markdown makes pre, table, li and (checklists) input, and mermaid fences figure; Placeholder is
  // what the compiler substitutes, never authored.
  const authored = Object.entries(mdxComponents).filter(
    ([name]) => !["pre", "table", "li", "input", "figure", "Placeholder"].includes(name),
  );
  // A namespace such as GitHub is only ever written with a member (`GitHub.Repo`).
  const names = authored.flatMap(([name, component]) => [
    ...(typeof component === "function" ? [name] : []),
    ...Object.keys(component)
      .filter((member) => /^[A-Z]/.test(member))
      .map((member) => `${name}.${member}`),
  ]);
  const unused = names.filter(
    (name) => !new RegExp(`<${name.replace(".", "\\.")}[\\s/>]`).test(source),
  );
  expect(unused).toEqual([]);
  const unusedShims = Object.keys(frameworkShims).filter(
    (module) => !source.includes(`from '${module}'`) && !source.includes(`from "${module}"`),
  );
  expect(unusedShims).toEqual([]);
  const unusedAdmonitions = calloutTypes.filter(
    (type) => !new RegExp(`^:::${type}\\b`, "m").test(source),
  );
  expect(unusedAdmonitions).toEqual([]);
  for (const alert of ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"])
    expect(source).toContain(`> [!${alert}]`);
});
