import { spawn } from "node:child_process";
import net from "node:net";

export type SpawnedServer = {
  baseUrl: string;
  /** The node process that serves (and holds the database): there is no tsx wrapper in between. */
  pid: number;
  output: () => string;
  /** Resolves once the process has exited, with its signal if it was killed. */
  exited: Promise<NodeJS.Signals | null>;
  send: (message: unknown) => Promise<void>;
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

/** Starts `server.ts` as `npm run serve` does, on loopback, and waits until it says it is running. */
export async function spawnServer({
  env,
  port,
  preload = [],
  nodeOptions = [],
  startTimeoutMs = 60_000,
}: {
  env: Record<string, string>;
  port?: number;
  /** Modules loaded before the server (`node --import`), e.g. a test's fault switch. */
  preload?: string[];
  /** Flags for node itself, e.g. the benchmark's `--cpu-prof`. */
  nodeOptions?: string[];
  startTimeoutMs?: number;
}): Promise<SpawnedServer> {
  const listenOn = port ?? (await freePort());
  const child = spawn(
    process.execPath,
    [
      ...nodeOptions,
      "--import",
      "tsx",
      ...preload.flatMap((file) => ["--import", file]),
      "server.ts",
    ],
    {
      env: { ...process.env, NODE_ENV: "production", PORT: String(listenOn), ...env },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    },
  );
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once("exit", (_code, signal) => resolve(signal)),
  );
  const deadline = Date.now() + startTimeoutMs;
  while (!output.includes("Firsthand is running")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    baseUrl: `http://127.0.0.1:${listenOn}`,
    pid: child.pid!,
    output: () => output,
    exited,
    send: (message) =>
      new Promise((resolve, reject) => {
        child.once("message", () => resolve());
        child.send(message as object, (error) => (error ? reject(error) : undefined));
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}
