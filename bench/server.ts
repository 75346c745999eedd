import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

/** The production server as `npm run serve` runs it, on a free loopback port, in its own process group. */
export type BenchServer = {
  baseUrl: string;
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === "object" ? resolve(address.port) : reject(),
      );
    });
  });
}

export async function startBenchServer(env: Record<string, string>): Promise<BenchServer> {
  const port = await freePort();
  const child: ChildProcess = spawn("node_modules/.bin/tsx", ["server.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + 180_000;
  while (!output.includes("Firsthand is running")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      throw new Error(`The server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid!, "SIGTERM");
      await exited;
    },
  };
}

/** Resident memory (MB) of the process that serves: tsx runs server.ts in a child node process. */
export function serverRssMb(pid: number): number {
  const ps = (args: string[]) => {
    try {
      return execFileSync("ps", args, { encoding: "utf8" });
    } catch {
      return "";
    }
  };
  const rows = [
    ...ps(["-o", "pid=,rss=", "--ppid", String(pid)])
      .trim()
      .split("\n"),
    ps(["-o", "pid=,rss=", "-p", String(pid)]).trim(),
  ]
    .filter(Boolean)
    .map((line) => Number(line.trim().split(/\s+/)[1]));
  return Math.max(0, ...rows) / 1024;
}
