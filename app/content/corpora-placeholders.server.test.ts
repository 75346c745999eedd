import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  docsFixtures,
  findRealCorpora,
  type DocsFolder,
} from "../../tests/fixtures/docs/docs-folders";
import { mermaidFenceCount, mermaidFiguresIn } from "../../tests/fixtures/docs/mermaid-fences";
import { openDatabase } from "~/utils/db.server";
import { getModule, loadCatalog } from "./content.server";
import { allDocumentedComponents } from "./framework-components";
import { renderModule } from "./render-module.server";

// Real docs rendered as a rep sees them: framework components never fall back to a placeholder, and
// the placeholders left (a site's own components) are each named by content:check.
const corpora = findRealCorpora();

const unescape = (html: string) =>
  html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** SVG files a page imports (outside fenced code) and the names it binds them to. */
function svgImports(source: string) {
  const imports: string[] = [];
  let fenced = false;
  for (const line of source.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const match = !fenced && /^import\s+(\w+)\s+from\s+["']([^"']+\.svg)["']/.exec(line);
    if (match) imports.push(match[1]);
  }
  return imports;
}

function testPlaceholders({ folder, label }: { folder: DocsFolder; label: string }) {
  test(`the ${label} shows no placeholder for a framework component, and content:check names every one it shows`, async () => {
    const db = openDatabase(
      path.join(fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-placeholders-")), "p.db"),
    );
    const [product] = await loadCatalog({ contentDir: folder.dir, db });
    const shown = new Map<string, number>();
    let svgComponents = 0;
    let diagrams = 0;
    let browserDiagrams = 0;
    const drawnOn = new Map<string, number>();
    const undrawn: string[] = [];
    for (const module of product.modules) {
      const page = await getModule({
        productSlug: product.slug,
        moduleSlug: module.slug,
        contentDir: folder.dir,
        db,
      });
      expect(page?.code, module.path).toBeTruthy();
      const html = renderModule(page!.code!).html;
      for (const match of html.matchAll(/Unsupported component: ([^<"]+)/g)) {
        const name = unescape(match[1]);
        shown.set(name, (shown.get(name) ?? 0) + 1);
      }
      const source = fs.readFileSync(path.join(folder.dir, module.path), "utf8");
      for (const binding of svgImports(source)) {
        if (!new RegExp(`<${binding}[\\s/>]`).test(source)) continue;
        expect(html, `${module.path} draws ${binding}`).toContain('class="fh-svg');
        expect(shown.has(binding), `${module.path}: ${binding}`).toBe(false);
        svgComponents++;
      }
      // Every mermaid fence is drawn, left for the browser to draw, or shows its source beside a note
      // that content:check names.
      const figures = mermaidFiguresIn(html);
      expect(figures.drawn + figures.browser + figures.fallbacks, `${module.path} mermaid`).toBe(
        mermaidFenceCount(source),
      );
      expect(html, module.path).not.toMatch(/<style[\s>]/);
      diagrams += figures.drawn;
      browserDiagrams += figures.browser;
      drawnOn.set(module.path, figures.drawn);
      if (figures.fallbacks) undrawn.push(module.path);
    }

    const drawnWarnings = product.diagnostics.filter((d) =>
      d.message.startsWith("Mermaid diagram could not be drawn"),
    );
    for (const modulePath of undrawn)
      expect(
        drawnWarnings.some((d) => d.file === path.join(folder.dir, modulePath)),
        modulePath,
      ).toBe(true);
    // Mintlify's own Mermaid page: its one live diagram is drawn (the others are inside mdx examples).
    if (drawnOn.has("components/mermaid-diagrams.mdx"))
      expect(drawnOn.get("components/mermaid-diagrams.mdx")).toBe(1);

    const framework = [...shown.keys()].filter((name) => allDocumentedComponents.has(name));
    expect(framework).toEqual([]);
    const named = new Set(
      product.diagnostics.flatMap((d) => {
        const match =
          /^Unsupported component <(.+?)> shown/.exec(d.message) ??
          /^<(.+?)> comes from an import that cannot be resolved/.exec(d.message);
        return match && d.severity === "warning" ? [match[1]] : [];
      }),
    );
    expect([...shown.keys()].filter((name) => !named.has(name))).toEqual([]);

    // A missing image is only ever one the folder does not hold.
    const files = fs
      .readdirSync(folder.dir, { recursive: true, encoding: "utf8" })
      .map((file) => file.split(path.sep).join("/"));
    for (const d of product.diagnostics) {
      const missing = /^Image not found: \/?(.+)$/.exec(d.message)?.[1];
      if (missing)
        expect(
          files.filter((file) => file.endsWith(missing)),
          d.message,
        ).toEqual([]);
    }

    const total = [...shown.values()].reduce((sum, count) => sum + count, 0);
    const list = [...shown].map(([name, count]) => `${name}×${count}`).join(", ");
    console.info(
      `${label}: ${total} placeholders, all for the site's own components (${list || "none"}); ${svgComponents} SVG imports and ${diagrams} Mermaid diagrams drawn, ${browserDiagrams} left for the browser`,
    );
  }, 120_000);
}

for (const folder of docsFixtures) testPlaceholders({ folder, label: `${folder.name} fixture` });

if (corpora.present) {
  for (const folder of corpora.folders)
    testPlaceholders({ folder, label: `${folder.name} corpus` });
} else if (corpora.required) {
  test("the real-docs corpora are beside this clone", () => {
    throw new Error(corpora.message);
  });
} else {
  console.warn(corpora.message);
}
