import path from "node:path";
import type { Diagnostic } from "./types";

type EsbuildMessage = {
  text: string;
  location: { file: string; line: number; column: number } | null;
};

function isBuildFailure(error: unknown): error is { errors: EsbuildMessage[] } {
  return (
    typeof error === "object" &&
    error !== null &&
    Array.isArray((error as { errors?: unknown }).errors)
  );
}

/** Turns an esbuild/MDX failure into diagnostics with the author's file, line and column. */
export function compileErrorDiagnostics({
  error,
  cwd,
  file,
}: {
  error: unknown;
  cwd: string;
  file: string;
}): Diagnostic[] {
  if (!isBuildFailure(error) || error.errors.length === 0) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ severity: "error", file, message: `Does not compile: ${message.split("\n")[0]}` }];
  }
  return error.errors.map((message) => {
    const location = message.location;
    // Some MDX errors carry their position only in the text, as "(5:1-5:7)".
    const inText = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(message.text);
    const line = location?.line || (inText ? Number(inText[1]) : undefined);
    const column = location?.line ? location.column + 1 : inText ? Number(inText[2]) : undefined;
    return {
      severity: "error",
      file: location ? path.resolve(cwd, location.file) : file,
      line,
      column,
      message: `Does not compile: ${cleanText(message.text)}`,
    };
  });
}

function cleanText(text: string) {
  const reason = text.replace(/^Cannot process MDX file with esbuild:\s*/, "");
  return reason
    .split("\n")[0]
    .replace(/^\d+:\d+(-\d+:\d+)?:\s*/, "")
    .trim();
}
