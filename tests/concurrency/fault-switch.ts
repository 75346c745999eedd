// Loaded with --import into servers that fault tests start: on a message from the test it turns
// the server's own database handle read-only or full, the way a locked-down or full disk would.
import type { Db } from "~/utils/db.server";

export type Fault = "read-only" | "full" | "none";

process.on("message", (fault: Fault) => {
  const sqlite = (globalThis as { firsthandDb?: Db }).firsthandDb?.$client;
  if (!sqlite) throw new Error("The server has not opened its database yet");
  sqlite.pragma(`query_only = ${fault === "read-only" ? 1 : 0}`);
  const pages = Number(sqlite.pragma("page_count", { simple: true }));
  sqlite.pragma(`max_page_count = ${fault === "full" ? pages : 1073741823}`);
  process.send?.(fault);
});
