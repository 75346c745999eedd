import { afterAll, beforeAll } from "vitest";
import { startServer, type RunningServer } from "./start-server";

/**
 * A server of the calling test file's own, started before its tests and stopped after them. Its
 * fields are read when a test runs, so files use it as they would the server itself.
 */
export function serverForThisFile(env: Record<string, string> = {}): RunningServer {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer(env);
  });
  afterAll(async () => {
    await server?.stop();
  });
  const running = () => {
    if (!server) throw new Error("The server is not running yet");
    return server;
  };
  return {
    get baseUrl() {
      return running().baseUrl;
    },
    get dataDir() {
      return running().dataDir;
    },
    output: () => running().output(),
    stop: () => running().stop(),
  };
}
