import path from "node:path";
import { getEnv } from "~/utils/env.server";

/** Where a file sits inside the content folder: what an author opens, and nothing of the server's disk. */
export function contentRelativePath(file: string) {
  const fromRoot = path.relative(path.resolve(getEnv().CONTENT_DIR), file);
  return fromRoot.startsWith("..") || path.isAbsolute(fromRoot)
    ? path.basename(file)
    : fromRoot.split(path.sep).join("/");
}
