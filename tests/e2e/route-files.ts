import fs from "node:fs";
import path from "node:path";

export type RouteFile = {
  /** As it sits in app/routes, e.g. "products.$product.$.tsx" or "admin/route.tsx". */
  file: string;
  exportsLoader: boolean;
  exportsAction: boolean;
  /** A route without a default export is a resource route: its loader's response is the page. */
  exportsComponent: boolean;
};

const routesDir = path.resolve("app/routes");
const routeFile = /\.(tsx?|jsx?|mdx?)$/;

function exportsName(source: string, name: string) {
  return (
    new RegExp(`export\\s+(async\\s+)?(function|const|let)\\s+${name}\\b`).test(source) ||
    new RegExp(`export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`).test(source)
  );
}

/** Every route module Remix's flat routes would pick up, read from disk at test time. */
export function listRouteFiles(): RouteFile[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(routesDir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    if (entry.isDirectory()) {
      const inner = fs
        .readdirSync(path.join(routesDir, entry.name))
        .find((name) => /^route\.(tsx?|jsx?)$/.test(name));
      if (inner) files.push(`${entry.name}/${inner}`);
    } else if (routeFile.test(entry.name) && !/\.test\.[jt]sx?$/.test(entry.name)) {
      files.push(entry.name);
    }
  }
  return files.sort().map((file) => {
    const source = fs.readFileSync(path.join(routesDir, file), "utf8");
    return {
      file,
      exportsLoader: exportsName(source, "loader"),
      exportsAction: exportsName(source, "action"),
      exportsComponent: /export\s+default\b/.test(source),
    };
  });
}

/**
 * The URL path a flat-routes file answers, with its params filled in: "products.$product.$.tsx"
 * with { product: "a", "*": "b/c" } is "/products/a/b/c". A missing param throws, naming it.
 */
export function routePath(file: string, params: Record<string, string> = {}): string {
  const name = file.replace(/\/route\.[^/]+$/, "").replace(routeFile, "");
  const segments: string[] = [];
  for (const raw of name.split(/\.(?![^[]*\])/)) {
    const segment = raw.replace(/_$/, "");
    if (segment === "_index" || segment.startsWith("_")) continue;
    const optional = /^\((.*)\)$/.exec(segment);
    const inner = optional ? optional[1] : segment;
    if (inner.startsWith("$")) {
      const key = inner === "$" ? "*" : inner.slice(1);
      const value = params[key];
      if (value === undefined) {
        if (optional) continue;
        throw new Error(`${file} needs a value for the param "${key}"`);
      }
      segments.push(value);
    } else {
      segments.push(inner.replace(/\[(.*?)\]/g, "$1"));
    }
  }
  return `/${segments.join("/")}`;
}

/** Where Remix's client fetches a page's data (single fetch): "/team" → "/team.data". */
export function dataRequestPath(path: string): string {
  const url = new URL(path, "http://x");
  return `${url.pathname === "/" ? "/_root" : url.pathname}.data${url.search}`;
}
