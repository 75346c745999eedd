import path from "node:path";
import type { Diagnostic } from "./types";

export function formatDiagnostic({ diagnostic, cwd }: { diagnostic: Diagnostic; cwd: string }) {
  const file = path.relative(cwd, diagnostic.file) || diagnostic.file;
  const place = [file, diagnostic.line, diagnostic.line ? (diagnostic.column ?? 1) : undefined]
    .filter((part) => part !== undefined)
    .join(":");
  return `${place} ${diagnostic.severity} ${diagnostic.message}`;
}

export function countBySeverity(diagnostics: Diagnostic[]) {
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === "error") errors += 1;
    else warnings += 1;
  }
  return { errors, warnings };
}

/** Several modules import the same snippet, so the same problem can be reported more than once. */
export function uniqueDiagnostics(diagnostics: Diagnostic[]) {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.severity}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
