import { spawn } from "node:child_process";
import path from "node:path";
import type { Fault } from "./fault-switch";

export type ServerProcess = {
  baseUrl: string;
  pid: number;
  output: () => string;
  /** Resolves once the process has exited, with its signal if it was killed. */
  exited: Promise<NodeJS.Signals | null>;
  injectFault: (fault: Fault) => Promise<void>;
  stop: () => Promise<void>;
};

const faultSwitch = path.resolve("tests/concurrency/fault-switch.ts");

/**
 * Starts the built server as one node process (no tsx wrapper in between) on `databasePath`, so a
 * test can SIGKILL the very process that holds the database and start another on the same file.
 */
export async function launchServer({
  databasePath,
  port,
  env = {},
}: {
  databasePath: string;
  port: number;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", faultSwitch, "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_PATH: databasePath,
      SEED_DEMO: "true",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once("exit", (_code, signal) => resolve(signal)),
  );
  const deadline = Date.now() + 60_000;
  while (!output.includes("Firsthand is running")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => output,
    exited,
    injectFault: (fault) =>
      new Promise((resolve, reject) => {
        child.once("message", () => resolve());
        child.send(fault, (error) => (error ? reject(error) : undefined));
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}
