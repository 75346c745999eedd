import { renderMermaidSVG } from "beautiful-mermaid";
import type { Element, ElementContent, Properties, Root } from "hast";
import { fromHtml } from "hast-util-from-html";

/** The app's palette (app.css), as CSS variables so the diagram follows the page's stylesheet. */
const diagramColors = {
  bg: "var(--fh-surface)",
  fg: "var(--fh-text)",
  accent: "var(--fh-primary)",
  line: "var(--fh-diagram-line)",
  muted: "var(--fh-muted)",
  surface: "var(--fh-primary-soft)",
  border: "var(--fh-diagram-border)",
};

/**
 * Rules of beautiful-mermaid's `<style>` that mdx.css repeats under `.fh-diagram__svg`, because the
 * page's CSP blocks `<style>` elements. The test beside this file fails when a new version adds one.
 */
export const rulesInStylesheet = [
  "text",
  ".mono",
  ".xychart-grid",
  ".xychart-bar",
  ".xychart-line",
  ".xychart-line-shadow",
  ".xychart-dot",
  ".xychart-label",
  ".xychart-axis-title",
  ".xychart-title",
];

const drawnElements = new Set([
  "svg",
  "g",
  "defs",
  "marker",
  "polygon",
  "polyline",
  "path",
  "line",
  "rect",
  "circle",
  "ellipse",
  "text",
  "tspan",
  "title",
  "desc",
  "clipPath",
]);

export type StyleRule = { selectors: string[]; declarations: string };

/**
 * Draws a diagram as an `<svg>` element with no `<style>` in it: rules that differ per diagram (its CSS
 * variables, a chart's series colours) become style attributes, which the CSP allows; the rest live in
 * mdx.css. Throws what beautiful-mermaid throws.
 */
export function drawMermaidSvg({
  text,
  idPrefix,
  label,
}: {
  text: string;
  idPrefix: string;
  label: string;
}): { svg: Element; labels: string[]; droppedRules: string[] } {
  const markup = renderMermaidSVG(text, { ...diagramColors, transparent: true, padding: 24 });
  const tree: Root = fromHtml(markup, { fragment: true });
  const svg = tree.children.find(
    (child): child is Element => child.type === "element" && child.tagName === "svg",
  );
  if (!svg) throw new Error("the renderer returned no SVG");

  const rules = collectStyleRules(svg);
  const droppedRules: string[] = [];
  for (const rule of rules) {
    if (rule.selectors.every((selector) => selector === "svg")) {
      appendStyle(svg, rule.declarations);
    } else if (rule.selectors.every((selector) => rulesInStylesheet.includes(selector))) {
      continue;
    } else if (rule.selectors.every(isCompoundSelector)) {
      for (const element of elementsOf(svg))
        if (rule.selectors.some((selector) => matches(element, selector)))
          appendStyle(element, rule.declarations);
    } else {
      droppedRules.push(rule.selectors.join(", "));
    }
  }

  // The stylesheet sizes the drawing from its natural width (shrink to fit, then scroll).
  appendStyle(svg, `--fh-diagram-width:${Number(svg.properties.width) || 600}px`);
  keepDrawnElements(svg);
  prefixIds(svg, idPrefix);
  const labels = textLabels(svg);
  svg.properties = {
    ...svg.properties,
    className: ["fh-diagram__svg"],
    role: "img",
    ariaLabel: label,
  };
  delete svg.properties.xmlns;
  return { svg, labels, droppedRules };
}

/** The rules of every `<style>` element, which are removed from the tree. `@import` (web fonts) is dropped. */
export function collectStyleRules(svg: Element): StyleRule[] {
  const css = [...elementsOf(svg)]
    .filter((element) => element.tagName === "style")
    .map((element) => textOf(element))
    .join("\n")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/@import\s+(?:url\([^)]*\)|"[^"]*"|'[^']*')[^;]*;/g, "");
  return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((match) => ({
    selectors: match[1].split(",").map((selector) => selector.trim().replace(/\s+/g, " ")),
    declarations: match[2]
      .split(";")
      .map((declaration) =>
        declaration.split(/:(.*)/s).map((part) => part.trim().replace(/\s+/g, " ")),
      )
      .filter(([name, value]) => name && value)
      .map(([name, value]) => `${name}:${value}`)
      .join(";"),
  }));
}

/** The diagram's words, node and actor names before edge and message labels, each once. */
function textLabels(svg: Element) {
  const names: string[] = [];
  const edges: string[] = [];
  const walk = (element: Element, onEdge: boolean) => {
    const classes = Array.isArray(element.properties.className)
      ? element.properties.className.map(String)
      : [];
    const edge = onEdge || classes.some((name) => /edge|message/.test(name));
    if (element.tagName === "text") {
      const words = textOf(element).replace(/\s+/g, " ").trim();
      if (words) (edge ? edges : names).push(words);
      return;
    }
    for (const child of element.children) if (child.type === "element") walk(child, edge);
  };
  walk(svg, false);
  return [...new Set([...names, ...edges])];
}

function textOf(element: Element): string {
  return element.children
    .map((child) =>
      child.type === "text" ? child.value : child.type === "element" ? textOf(child) : "",
    )
    .join("");
}

function* elementsOf(element: Element): Generator<Element> {
  yield element;
  for (const child of element.children) if (child.type === "element") yield* elementsOf(child);
}

/** Adds declarations to an element's style attribute; a property set twice keeps the later value. */
function appendStyle(element: Element, declarations: string) {
  const merged = new Map<string, string>();
  for (const declaration of `${String(element.properties.style ?? "")};${declarations}`.split(
    ";",
  )) {
    const [name, value] = declaration.split(/:(.*)/s).map((part) => part.trim());
    if (name && value) merged.set(name, value);
  }
  element.properties.style = [...merged].map(([name, value]) => `${name}:${value}`).join(";");
}

const compoundSelector = /^([a-z]+)?((?:\.[\w-]+)+)$|^[a-z]+$/i;

function isCompoundSelector(selector: string) {
  return compoundSelector.test(selector);
}

function matches(element: Element, selector: string) {
  const [tag, ...classes] = selector.split(".");
  if (tag && tag !== element.tagName) return false;
  const own = Array.isArray(element.properties.className)
    ? element.properties.className.map(String)
    : [];
  return classes.every((name) => own.includes(name));
}

/** Only drawing elements stay, without event handlers or links out; whitespace between them goes. */
function keepDrawnElements(element: Element) {
  element.children = element.children.filter((child): child is ElementContent => {
    if (child.type === "element") {
      if (!drawnElements.has(child.tagName)) return false;
      child.properties = safeProperties(child.properties);
      keepDrawnElements(child);
      return true;
    }
    if (child.type === "text") return isTextContainer(element) || child.value.trim() !== "";
    return false;
  });
}

function isTextContainer(element: Element) {
  return element.tagName === "text" || element.tagName === "tspan" || element.tagName === "title";
}

function safeProperties(properties: Properties): Properties {
  const safe: Properties = {};
  for (const [name, value] of Object.entries(properties)) {
    if (/^on/i.test(name)) continue;
    if (/href$/i.test(name) && !String(value).startsWith("#")) continue;
    safe[name] = value;
  }
  return safe;
}

/** Marker ids (`arrowhead`) repeat in every diagram; a page with two must not share them. */
function prefixIds(svg: Element, prefix: string) {
  const ids = new Set<string>();
  for (const element of elementsOf(svg)) {
    if (typeof element.properties.id === "string") {
      ids.add(element.properties.id);
      element.properties.id = `${prefix}-${element.properties.id}`;
    }
  }
  if (ids.size === 0) return;
  for (const element of elementsOf(svg)) {
    for (const [name, value] of Object.entries(element.properties)) {
      if (typeof value !== "string") continue;
      element.properties[name] = value
        .replace(/url\(#([^)]+)\)/g, (whole, id: string) =>
          ids.has(id) ? `url(#${prefix}-${id})` : whole,
        )
        .replace(/^#(.+)$/, (whole, id: string) =>
          /href$/i.test(name) && ids.has(id) ? `#${prefix}-${id}` : whole,
        );
    }
  }
}
