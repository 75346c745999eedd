import { report, type CompileContext } from "../compile-context";
import type { ServerReach } from "./server-reach";

/**
 * Collects the places where a module's code would reach the server. Any one fails the compile before the
 * code is ever run, so the module keeps its last good version or shows "unavailable".
 */
export type CodeGuard = { context: CompileContext; count: number };

export function createCodeGuard(context: CompileContext): CodeGuard {
  return { context, count: 0 };
}

export function reportServerReaches({
  guard,
  file,
  reaches,
}: {
  guard: CodeGuard;
  file: string;
  reaches: ServerReach[];
}) {
  for (const reach of reaches) {
    guard.count += 1;
    report(guard.context, {
      severity: "error",
      file,
      line: reach.line,
      column: reach.column,
      message: `${reach.message} (content is code: see SECURITY.md)`,
    });
  }
}
