import { execFileSync } from "node:child_process";

/** Resident memory (MB) of a process, as `ps` reports it; 0 once it has gone. */
export function serverRssMb(pid: number): number {
  try {
    return (
      Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" })) / 1024
    );
  } catch {
    return 0;
  }
}
