import { componentsGlobal } from "~/components/mdx/mdx-runtime";

/** Docs-framework modules whose components Firsthand's component map stands in for. */
const frameworkModules = [
  /^@theme\//,
  /^@theme-original\//,
  /^@docusaurus\//,
  /^nextra(\/|$)/,
  /^nextra-theme-docs$/,
  /^@mintlify\//,
  /^next\/(image|link|head)$/,
];

export function isFrameworkModule(source: string) {
  return frameworkModules.some((pattern) => pattern.test(source));
}

/** `import Tabs from '@theme/Tabs'` imports the component named after the module's last segment. */
export function defaultExportName(source: string) {
  return source.split("/").pop() ?? source;
}

/** Small stand-ins for framework hooks and helpers that are not components, chosen to render the same on server and client. */
export const frameworkShims: Record<string, { exports: string[]; source: string }> = {
  "@docusaurus/useIsBrowser": {
    exports: ["default"],
    source: "export default function useIsBrowser() { return false; }",
  },
  "@docusaurus/useBaseUrl": {
    exports: ["default", "useBaseUrlUtils"],
    source:
      "export default function useBaseUrl(url) { return url; }\nexport function useBaseUrlUtils() { return { withBaseUrl: (url) => url }; }",
  },
  "@docusaurus/useDocusaurusContext": {
    exports: ["default"],
    source:
      "export default function useDocusaurusContext() { return { siteConfig: { customFields: {} }, i18n: { currentLocale: 'en' } }; }",
  },
  "@docusaurus/BrowserOnly": {
    exports: ["default"],
    source: "export default function BrowserOnly(props) { return props.fallback ?? null; }",
  },
  "@docusaurus/Head": {
    exports: ["default"],
    source: "export default function Head() { return null; }",
  },
  "@docusaurus/Translate": {
    exports: ["default", "translate"],
    source: [
      "export default function Translate(props) { return props.children ?? null; }",
      "export function translate(descriptor) { return descriptor?.message ?? descriptor?.id ?? ''; }",
    ].join("\n"),
  },
  "@docusaurus/Interpolate": {
    exports: ["default", "interpolate"],
    source: [
      'import { createElement, Fragment } from "react";',
      "export function interpolate(text, values = {}) {",
      "  const parts = String(text).split(/\\{(\\w+)\\}/);",
      "  return parts.map((part, index) => (index % 2 ? (values[part] ?? `{${part}}`) : part));",
      "}",
      "export default function Interpolate({ children, values }) {",
      "  return createElement(Fragment, null, ...interpolate(children, values));",
      "}",
    ].join("\n"),
  },
  "next/head": {
    exports: ["default"],
    source: "export default function Head() { return null; }",
  },
  "next/link": {
    exports: ["default"],
    source:
      'import { createElement } from "react";\nexport default function Link({ href, ...props }) { return createElement("a", { href: typeof href === "string" ? href : href?.pathname, ...props }); }',
  },
  "next/image": {
    exports: ["default"],
    source: [
      'import { createElement } from "react";',
      "export default function Image({ src, alt = '', width, height, className, style }) {",
      "  const url = typeof src === 'string' ? src : (src?.src ?? String(src));",
      "  return createElement('img', { src: url, alt, width, height, className, style, loading: 'lazy' });",
      "}",
    ].join("\n"),
  },
  "@docusaurus/Link": {
    exports: ["default"],
    source:
      'import { createElement } from "react";\nexport default function Link({ to, href, ...props }) { return createElement("a", { href: to ?? href, ...props }); }',
  },
};

/**
 * An imported SVG as a component that draws it as an image: a browser never runs scripts inside an
 * SVG shown through <img>, so the file needs no sanitising. `src` and `toString` serve code that uses
 * the import as a URL.
 */
export function svgComponentSource({ url, label }: { url: string; label: string }) {
  return [
    'import { createElement } from "react";',
    `const src = ${JSON.stringify(url)};`,
    `const label = ${JSON.stringify(label.replace(/[-_]+/g, " "))};`,
    'const passed = ["width", "height", "style", "id", "role"];',
    "function SvgImage(props) {",
    '  const attributes = { src, className: props.className ? `fh-svg ${props.className}` : "fh-svg" };',
    "  for (const key of Object.keys(props))",
    '    if (passed.includes(key) || key.startsWith("aria-") || key.startsWith("data-")) attributes[key] = props[key];',
    '  attributes.alt = props.alt ?? props.title ?? props["aria-label"] ?? label;',
    '  return createElement("img", attributes);',
    "}",
    "SvgImage.src = src;",
    "SvgImage.toString = () => src;",
    "export default SvgImage;",
  ].join("\n");
}

/** React APIs that Mintlify makes available to content without an import. */
export const reactApis = [
  "useState",
  "useEffect",
  "useRef",
  "useCallback",
  "useMemo",
  "useContext",
  "useReducer",
  "useLayoutEffect",
  "useId",
  "useTransition",
  "useDeferredValue",
  "Fragment",
];

export const componentsModule = "firsthand:mdx-components";
export { componentsGlobal };
export const runtimeModules = new Set([
  "react",
  "react-dom",
  "react/jsx-runtime",
  "react/jsx-dev-runtime",
  componentsModule,
]);

export const stubPrefix = "firsthand-stub:";
export const shimPrefix = "firsthand-shim:";
export const assetPrefix = "firsthand-asset:";

/** Source of a module whose exports render as labelled placeholders, for imports that cannot be resolved. */
export function stubModuleSource(exports: { exportName: string; label: string }[]) {
  const lines = [
    `import { Placeholder } from ${JSON.stringify(componentsModule)};`,
    'import { createElement } from "react";',
    "function stub(name) {",
    "  const Unsupported = (props) => createElement(Placeholder, { name }, props.children);",
    "  return new Proxy(Unsupported, {",
    "    get: (target, key) =>",
    '      typeof key === "string" && /^[A-Z]/.test(key) && !(key in target) ? stub(name + "." + key) : Reflect.get(target, key),',
    "  });",
    "}",
  ];
  for (const { exportName, label } of exports) {
    lines.push(
      exportName === "default"
        ? `export default stub(${JSON.stringify(label)});`
        : `export const ${exportName} = stub(${JSON.stringify(label)});`,
    );
  }
  return lines.join("\n");
}
