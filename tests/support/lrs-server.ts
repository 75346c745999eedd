import { randomUUID } from "node:crypto";
import http from "node:http";
import { isDeepStrictEqual } from "node:util";
import { xapiProblems } from "./xapi-validation";

export type StoredStatement = Record<string, unknown> & { id: string };

/** One statement that reached the store: kept, the same one again, or a different one under a kept id. */
export type StatementReceipt = {
  id: string;
  method: "PUT" | "POST";
  outcome: "stored" | "duplicate" | "conflict";
};

export type LocalLrs = {
  /** The xAPI endpoint (base URL); statements live at `${endpoint}/statements`. */
  endpoint: string;
  username: string;
  password: string;
  statements: () => StoredStatement[];
  receipts: () => StatementReceipt[];
  requestCount: () => number;
  close: () => Promise<void>;
};

type Reply = { status: number; body?: unknown };

/**
 * A small Learning Record Store for tests, on a free loopback port: Basic auth, the xAPI version
 * header, PUT and POST statements stored by id and checked with Learning Locker's validator. The
 * first `failFirst` requests get 503, as an LRS that is down would answer.
 */
export async function startLrs({
  username = "lrs-user",
  password = "lrs-secret",
  failFirst = 0,
}: { username?: string; password?: string; failFirst?: number } = {}): Promise<LocalLrs> {
  const stored = new Map<string, StoredStatement>();
  const receipts: StatementReceipt[] = [];
  let requests = 0;
  const expectedAuth = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;

  function store(statement: StoredStatement, method: "PUT" | "POST"): StatementReceipt {
    const existing = stored.get(statement.id);
    const outcome = !existing
      ? "stored"
      : isDeepStrictEqual(existing, statement)
        ? "duplicate"
        : "conflict";
    if (!existing) stored.set(statement.id, statement);
    const receipt = { id: statement.id, method, outcome } as const;
    receipts.push(receipt);
    return receipt;
  }

  function handle(request: http.IncomingMessage, text: string): Reply {
    requests += 1;
    if (requests <= failFirst) return { status: 503, body: { error: "LRS unavailable" } };
    if (request.headers.authorization !== expectedAuth) return { status: 401 };
    if (!/^1\.0(\.\d+)?$/.test(String(request.headers["x-experience-api-version"]))) {
      return { status: 400, body: { error: "X-Experience-API-Version 1.0.x is required" } };
    }
    const url = new URL(request.url ?? "/", "http://lrs.test");
    if (url.pathname !== "/xapi/statements") return { status: 404 };
    if (!/^application\/json\b/.test(request.headers["content-type"] ?? "")) {
      return { status: 400, body: { error: "Content-Type must be application/json" } };
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { status: 400, body: { error: "body is not JSON" } };
    }
    if (request.method === "PUT") {
      const statementId = url.searchParams.get("statementId");
      if (!statementId) return { status: 400, body: { error: "statementId is required" } };
      if (!isRecord(body) || (body.id !== undefined && body.id !== statementId)) {
        return { status: 400, body: { error: "the statement's id must match statementId" } };
      }
      const problems = xapiProblems(body);
      if (problems.length) return { status: 400, body: { error: problems.join("; ") } };
      const receipt = store({ ...body, id: statementId }, "PUT");
      return { status: receipt.outcome === "conflict" ? 409 : 204 };
    }
    if (request.method === "POST") {
      const batch = Array.isArray(body) ? body : [body];
      const problems = batch.flatMap((s) => xapiProblems(s));
      if (problems.length || !batch.every(isRecord)) {
        return { status: 400, body: { error: problems.join("; ") || "not a statement" } };
      }
      const outcomes = batch.map((s) => store({ ...s, id: String(s.id ?? randomUUID()) }, "POST"));
      if (outcomes.some((r) => r.outcome === "conflict")) return { status: 409 };
      return { status: 200, body: outcomes.map((r) => r.id) };
    }
    return { status: 405 };
  }

  const server = http.createServer((request, response) => {
    let text = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (text += chunk));
    request.on("end", () => {
      const reply = handle(request, text);
      response.statusCode = reply.status;
      response.setHeader("X-Experience-API-Version", "1.0.3");
      if (reply.body === undefined) return response.end();
      response.setHeader("Content-Type", "application/json");
      response.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("The LRS did not get a port");
  const { port } = address;

  return {
    endpoint: `http://127.0.0.1:${port}/xapi`,
    username,
    password,
    statements: () => [...stored.values()],
    receipts: () => [...receipts],
    requestCount: () => requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
