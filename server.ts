import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request, type Response } from "express";
import { markContentChanged } from "./app/content/content.server";
import { prepareDatabase } from "./db/prepare";
import { isCrossSiteRequest } from "./app/utils/csrf.server";
import { getEnv } from "./app/utils/env.server";
import { startOutboxWorker } from "./app/integrations/worker.server";
import { maxBodyBytes } from "./app/utils/request-body.server";
import { createNonce, securityHeaders } from "./app/utils/security-headers.server";
import {
  readSessionTokenFromHeader,
  serializeSessionCookie,
} from "./app/utils/session-cookie.server";
import { getSessionExpiresAt, validateSessionToken } from "./app/utils/session.server";

const env = getEnv();
await prepareDatabase();

const viteDevServer =
  env.NODE_ENV === "production"
    ? undefined
    : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", false);

// Draining is bounded: a sender that keeps going past this loses the connection.
const maxDiscardBytes = 16 * maxBodyBytes;
function discardBody(req: Request) {
  // Once answered, the body is nobody's: a reader that gave up on it must not pause the drain.
  req.removeAllListeners("data");
  let bytes = 0;
  req.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > maxDiscardBytes) req.socket.destroy();
  });
  req.resume();
}

// Every response carries the security headers (pages, data, assets, refusals, errors), filled in
// as the headers go out so a response that sets its own (an author's SVG) keeps them, once. A
// response sent before its request body was read (a 405, a refused form) drains that body: closing
// the socket instead would reset a client still sending it, which then sees no response at all.
app.use((req, res, next) => {
  const nonce = createNonce();
  res.locals.cspNonce = nonce;
  const defaults = securityHeaders({ nonce, dev: Boolean(viteDevServer) });
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
    for (const [name, value] of Object.entries(defaults))
      if (!this.hasHeader(name)) this.setHeader(name, value);
    if (!req.complete) discardBody(req);
    return writeHead.apply(this, args);
  } as typeof writeHead;
  next();
});

// The one CSRF guard for the whole app: no state change may come from another site.
app.use((req, res, next) => {
  const crossSite = isCrossSiteRequest({
    method: req.method,
    origin: req.get("origin"),
    secFetchSite: req.get("sec-fetch-site"),
    host: req.get("host"),
    appOrigin: new URL(env.APP_URL).origin,
  });
  if (!crossSite) return next();
  res.status(403).type("text/plain").send("Cross-site request refused.");
});

// Forms here are a few short fields; refusing a large body before anything reads it keeps memory
// flat. Its bytes are read and dropped so the client gets the 413 rather than a reset. A chunked
// body declares no length: readBodyWithin stops reading it at the same limit.
app.use((req, res, next) => {
  if (Number(req.get("content-length") ?? 0) <= maxBodyBytes) return next();
  res.status(413).type("text/plain").send("That request is too large.");
});

if (viteDevServer) {
  // Editing content in dev reloads the open pages, which then show the recompiled module.
  const contentRoot = path.resolve(env.CONTENT_DIR);
  viteDevServer.watcher.add(contentRoot);
  viteDevServer.watcher.on("all", (_event, file) => {
    if (!path.resolve(file).startsWith(contentRoot + path.sep)) return;
    markContentChanged();
    viteDevServer.ws.send({ type: "full-reload" });
  });
  app.use(viteDevServer.middlewares);
} else {
  app.use(
    "/assets",
    express.static("build/client/assets", { immutable: true, maxAge: "1y", fallthrough: true }),
  );
  // The few files from public/ (the favicon): asking the disk about every page path costs each
  // page a stat call, so only paths known to be files reach the static handler.
  const publicFiles = new Set(
    fs
      .readdirSync("build/client", { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => `/${path.relative("build/client", path.join(entry.parentPath, entry.name))}`)
      .filter((file) => !file.startsWith("/assets/")),
  );
  const publicStatic = express.static("build/client", { maxAge: "1h" });
  app.use((req, res, next) => (publicFiles.has(req.path) ? publicStatic(req, res, next) : next()));
}

// Activity slides a session on (see session.server.ts); the browser's cookie must follow, or it
// would expire a week after sign-in however busy the person is. Remix's own Set-Cookie (sign-in,
// sign-out) comes after this one, so it wins.
app.use((req, res, next) => {
  const token = readSessionTokenFromHeader(req.get("cookie"));
  const valid = token ? validateSessionToken({ token }) : null;
  if (token && valid?.extended) {
    res.append(
      "Set-Cookie",
      serializeSessionCookie(token, { expiresAt: getSessionExpiresAt(valid.session) }),
    );
  }
  next();
});

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
  : ((await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild);

app.all(
  "*",
  createRequestHandler({
    build,
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({
      clientIp: req.socket.remoteAddress ?? null,
      cspNonce: String(res.locals.cspNonce),
    }),
  }),
);

// What escapes Remix gets a plain message with no stack trace, paths or versions. A request that
// cannot be parsed (a broken %-escape in the path, a Host that is not a host) is the client's error.
app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
  if (res.headersSent) return next(error);
  if (isBadRequest(error)) {
    res.status(400).type("text/plain").send("That address could not be read.");
    return;
  }
  console.error(error);
  res.status(500).type("text/plain").send("Something went wrong. Please try again.");
});

function isBadRequest(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if ("code" in error && error.code === "ERR_INVALID_URL") return true;
  const status = "status" in error ? Number(error.status) : NaN;
  return status >= 400 && status < 500;
}

app.listen(env.PORT, () => {
  console.log(`Firsthand is running at ${env.APP_URL}`);
  startOutboxWorker();
});
