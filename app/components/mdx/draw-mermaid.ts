// Only mermaid-figure.tsx's dynamic import loads this module, so only a page with such a diagram
// fetches mermaid's megabytes.
import mermaid from "mermaid";

let initialized = false;
let drawing: Promise<unknown> = Promise.resolve();

function initializeOnce() {
  if (initialized) return;
  initialized = true;
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: "strict",
    // A diagram that does not parse throws instead of drawing mermaid's error picture.
    suppressErrorRendering: true,
    // "base" is the one theme mermaid lets a site recolour: the app's own tokens, so a diagram reads
    // as part of the page. Slice colours are dark enough for white labels.
    theme: "base",
    fontFamily: getComputedStyle(document.body).fontFamily,
    themeVariables: appThemeVariables(),
  });
}

/** mermaid derives shades from these, so it needs the computed colours, not `var()`s. */
function appThemeVariables() {
  const root = getComputedStyle(document.documentElement);
  const tokens = {
    primaryColor: "--fh-primary-soft",
    primaryBorderColor: "--fh-diagram-border",
    primaryTextColor: "--fh-text",
    textColor: "--fh-text",
    secondaryColor: "--fh-success-soft",
    tertiaryColor: "--fh-mdx-subtle",
    lineColor: "--fh-diagram-line",
    pie1: "--fh-primary",
    pie2: "--fh-success",
    pie3: "--fh-warning",
    pie4: "--fh-danger",
    pie7: "--fh-muted",
    pieOuterStrokeColor: "--fh-border",
  };
  const fromTokens = Object.entries(tokens)
    .map(([name, token]) => [name, root.getPropertyValue(token).trim()])
    .filter(([, value]) => value);
  return {
    ...Object.fromEntries(fromTokens),
    // Colours the app has no token for, as dark as the ones above.
    pie5: "#6a4bc4",
    pie6: "#0b6e80",
    pie8: "#9a2f7a",
    pieSectionTextColor: "#ffffff",
    pieStrokeColor: "#ffffff",
    pieOpacity: "1",
  };
}

/**
 * Draws a diagram to SVG markup that is named for assistive technology and whose `<style>` carries the
 * page's CSP nonce. Throws mermaid's error for a diagram it cannot parse or draw.
 */
export function drawMermaid({
  id,
  source,
  label,
  nonce,
  width,
}: {
  id: string;
  source: string;
  label: string;
  nonce: string;
  /** The width a diagram that fills its container (a gantt) is drawn at. */
  width: number;
}): Promise<string> {
  // One at a time: mermaid measures each diagram in the live page, and the nonce below is set for one.
  const drawn = drawing.then(async () => {
    initializeOnce();
    const scratch = document.createElement("div");
    scratch.className = "fh-diagram__scratch";
    scratch.style.width = `${width}px`;
    document.body.append(scratch);
    try {
      const { svg } = await withNoncedStyles({
        scratch,
        nonce,
        draw: () => mermaid.render(id, source, scratch),
      });
      return namedSvg({ svg, label, nonce });
    } finally {
      scratch.remove();
    }
  });
  drawing = drawn.catch(() => undefined);
  return drawn;
}

/**
 * mermaid.render puts a `<style>` into the page while it measures the diagram, and the CSP refuses a
 * style element without the nonce; mermaid has no option for one, so it is added as mermaid creates it.
 * The browser then blanks a connected element's nonce attribute, and mermaid's sanitiser re-parses the
 * markup under the same policy, so the attribute is put back before mermaid reads the markup (an
 * observer's callback runs before mermaid's next await resumes).
 */
async function withNoncedStyles<T>({
  scratch,
  nonce,
  draw,
}: {
  scratch: HTMLElement;
  nonce: string;
  draw: () => Promise<T>;
}): Promise<T> {
  if (!nonce) return draw();
  const createElement = Document.prototype.createElement;
  Object.defineProperty(document, "createElement", {
    configurable: true,
    value(this: Document, tagName: string, options?: ElementCreationOptions) {
      const element = createElement.call(this, tagName, options);
      if (tagName.toLowerCase() === "style") element.setAttribute("nonce", nonce);
      return element;
    },
  });
  const restoreNonces = new MutationObserver((records) => {
    for (const { target } of records)
      if (target instanceof Element && !target.getAttribute("nonce"))
        target.setAttribute("nonce", nonce);
  });
  // Only in the scratch element: elsewhere the page keeps nonces hidden.
  restoreNonces.observe(scratch, {
    subtree: true,
    attributes: true,
    attributeFilter: ["nonce"],
  });
  try {
    return await draw();
  } finally {
    restoreNonces.disconnect();
    Reflect.deleteProperty(document, "createElement");
  }
}

function namedSvg({ svg, label, nonce }: { svg: string; label: string; nonce: string }) {
  // A template's content is inert: its <style> applies nowhere until React inserts the markup.
  const template = document.createElement("template");
  template.innerHTML = svg;
  const drawing = template.content.querySelector("svg");
  if (!drawing) throw new Error("mermaid returned no SVG");
  drawing.setAttribute("role", "img");
  drawing.setAttribute("aria-label", label);
  drawing.removeAttribute("aria-roledescription");
  drawing.classList.add("fh-diagram__drawing");
  // mermaid sizes the drawing with max-width; the stylesheet shrinks it to fit, then scrolls, from that.
  const width = /max-width:\s*([\d.]+)px/.exec(drawing.getAttribute("style") ?? "")?.[1];
  if (width) drawing.style.setProperty("--fh-diagram-width", `${width}px`);
  for (const style of template.content.querySelectorAll("style")) {
    if (nonce) style.setAttribute("nonce", nonce);
  }
  return template.innerHTML;
}
