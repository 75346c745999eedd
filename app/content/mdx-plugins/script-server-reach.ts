import { Parser } from "acorn";
import jsx from "acorn-jsx";
import { transformSync, type Loader } from "esbuild";
import { findServerReaches, type ServerReach } from "./server-reach";
import { originalPosition } from "./source-map-position";

const parser = Parser.extend(jsx());

/**
 * The same check as for MDX, for a .js/.jsx/.ts/.tsx file a module imports. esbuild first strips types
 * (keeping JSX), then positions are mapped back to the author's file.
 */
export function scriptServerReaches({
  source,
  loader,
}: {
  source: string;
  loader: Extract<Loader, "js" | "jsx" | "ts" | "tsx">;
}): ServerReach[] {
  let output: { code: string; map: string };
  try {
    output = transformSync(source, {
      loader,
      jsx: "preserve",
      sourcemap: "external",
      logLevel: "silent",
    });
  } catch {
    // esbuild reports the syntax error itself when it bundles the file.
    return [];
  }
  let program: unknown;
  try {
    program = parser.parse(output.code, {
      ecmaVersion: "latest",
      sourceType: "module",
      locations: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ construct: "syntax", message: `Cannot be checked for server access (${message})` }];
  }
  const { mappings } = JSON.parse(output.map) as { mappings: string };
  return findServerReaches({ program }).map((reach) => {
    const position =
      reach.line && reach.column
        ? originalPosition({ mappings, line: reach.line, column: reach.column })
        : null;
    return { ...reach, line: position?.line, column: position?.column };
  });
}
