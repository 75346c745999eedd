import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { breakingModulePath, contentWithBreakingModule } from "./breaking-product";
import { browserForThisFile, signedInContext, demoEmail, signInCookie } from "./browser";
import { startServer, type RunningServer } from "./start-server";
import { watchedPage, type Watched } from "./watched-page";

// Its own server: the walk answers a quiz, and one extra product has a module that always throws.
const content = contentWithBreakingModule();
const browser = browserForThisFile();
let server: RunningServer;
let certificateId: string;

beforeAll(async () => {
  server = await startServer({ CONTENT_DIR: content.dir });
  const cookie = await signInCookie(server.baseUrl, demoEmail("rep1"));
  const html = await (await get("/certificates", cookie)).text();
  certificateId = /href="\/certificates\/([a-z2-7]+)"/.exec(html)![1];
  // The running server re-scans content once a second and compiles (and test-renders) the armed
  // module on the next view, well before it starts to throw.
  const breaksFrom = content.arm(5_000);
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  expect((await get(breakingModulePath, cookie)).status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, Math.max(breaksFrom - Date.now(), 0) + 50));
});

afterAll(async () => {
  await server?.stop();
  content.remove();
});

function get(path: string, cookie?: string, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}${path}`, {
    headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers },
    redirect: "manual",
  });
}

function expectSecurityHeaders(response: Response, label: string) {
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp, label).toMatch(/(^|[;,] )frame-ancestors 'none'(;|,|$)/);
  expect(csp, label).toMatch(/(^|[;,] )default-src '(self|none)'(;|,|$)/);
  expect(csp, label).toMatch(/(^|[;,] )object-src 'none'(;|,|$)/);
  expect(csp, label).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // A route may send its own nosniff too; every value must still say nosniff.
  expect(response.headers.get("x-content-type-options")?.split(/,\s*/), label).toEqual(
    expect.arrayContaining(["nosniff"]),
  );
  expect(response.headers.get("x-content-type-options"), label).toMatch(/^nosniff(, nosniff)*$/);
  expect(response.headers.get("referrer-policy"), label).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("x-frame-options"), label).toBe("DENY");
  expect(response.headers.get("x-powered-by"), label).toBeNull();
  expect(response.headers.get("server"), label).toBeNull();
}

test("every kind of response carries the security headers", async () => {
  const cookie = await signInCookie(server.baseUrl, demoEmail("rep1"));
  const login = await get("/login");
  const html = await login.text();
  const builtAsset = /(?:href|src)="(\/assets\/[^"]+\.(?:css|js))"/.exec(html)![1];
  const responses: [string, Response][] = [
    ["page", login],
    ["signed-in page", await get("/products/ledgerflow", cookie)],
    ["data request", await get("/products/ledgerflow.data", cookie)],
    ["built asset", await get(builtAsset)],
    ["public file", await get("/favicon.svg")],
    ["module image", await get("/assets/ledgerflow/images/journey.svg", cookie)],
    ["redirect", await get("/products")],
    ["403", await get("/admin/users", cookie)],
    ["404", await get("/no/such/page", cookie)],
    ["400 unreadable address", await get("/products/%E0%A4%A")],
    [
      "cross-site refusal",
      await fetch(`${server.baseUrl}/login`, {
        method: "POST",
        headers: { Origin: "https://evil.example" },
      }),
    ],
    ["500", await get(breakingModulePath, cookie)],
  ];
  const statuses = responses.map(([label, r]) => `${label} ${r.status}`);
  expect(statuses).toEqual([
    "page 200",
    "signed-in page 200",
    "data request 200",
    "built asset 200",
    "public file 200",
    "module image 200",
    "redirect 302",
    "403 403",
    "404 404",
    "400 unreadable address 400",
    "cross-site refusal 403",
    "500 500",
  ]);
  for (const [label, response] of responses) expectSecurityHeaders(response, label);
});

test("every script in a page carries that response's nonce, and the nonce is new each time", async () => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const response = await get("/login");
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy")!)![1];
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(2);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    nonces.add(nonce);
  }
  expect(nonces.size).toBe(3);
});

const leakPatterns: [string, RegExp][] = [
  ["a stack frame", /\bat [\w.<>]+ \(|\bat (file|node):|\n\s+at /],
  ["a file path", /\/(work|srv|home|usr|app|tmp)\/[\w./-]+|node_modules|\.tsx?:\d+/],
  ["a version", /\bv?\d+\.\d+\.\d+\b/],
  ["a framework name", /\b(express|remix|react-dom|node\.js|vite|sqlite|drizzle)\b/i],
];

/** The text a person sees: scripts (the app's own bundle names) are not shown. */
function visibleText(html: string) {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/g, "")
    .replace(/<link\b[^>]*>/g, "")
    .replace(/<[^>]+>/g, " ");
}

test("a 404 and an unexpected 500 show a plain message: no stack, path, version or framework", async () => {
  const cookie = await signInCookie(server.baseUrl, demoEmail("rep1"));
  const cases = [
    { path: "/no/such/page", status: 404, text: /Page not found/ },
    { path: breakingModulePath, status: 500, text: /Something went wrong/ },
    { path: "/verify/%", status: 400, text: /could not be read/ },
  ];
  for (const { path, status, text } of cases) {
    const response = await get(path, cookie);
    const body = await response.text();
    expect(response.status, path).toBe(status);
    expect(body, path).toMatch(text);
    expect(body, path).not.toContain(content.message);
    expect(body, path).not.toMatch(/Exploded in|"stack","[^"]/);
    const shown = response.headers.get("content-type")?.includes("html") ? visibleText(body) : body;
    for (const [what, pattern] of leakPatterns)
      expect(shown.match(pattern)?.[0], `${path} shows ${what}`).toBeUndefined();
  }
  // The server log has the real error, for whoever runs it.
  expect(server.output()).toContain(content.message);
});

/** Hydrated means React took over the server's HTML: Remix's router is up and nothing failed. */
async function expectHydrated(page: Page) {
  await page.waitForFunction(
    () =>
      (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter
        ?.state.initialized === true,
  );
}

async function visit({ page, problems }: Watched, path: string) {
  const response = await page.goto(`${server.baseUrl}${path}`);

  expect(response?.status(), path).toBe(200);
  await page.locator("main h1").first().waitFor();
  await expectHydrated(page);
  expect(problems, path).toEqual([]);
}

async function walk(local: string | null, run: (watched: Watched) => Promise<void>) {
  // Signing in through the form is covered by the signed-out walk; here only the pages matter.
  const context = await signedInContext(browser(), server.baseUrl, local);
  const watched = await watchedPage(context);
  await run(watched);
  await context.close();
  return watched.problems;
}

test("every page of every role loads and hydrates under the policy, quiz included", async () => {
  const problems: string[] = [];
  let pages = 0;
  const visitAll = (paths: string[]) => async (watched: Watched) => {
    for (const path of paths) {
      await visit(watched, path);
      pages += 1;
    }
  };

  problems.push(
    ...(await walk(
      "rep1",
      visitAll([
        "/",
        "/products",
        "/products/ledgerflow",
        "/products/ledgerflow/ingestion-rules",
        "/what-changed/ledgerflow/ingestion-rules",
        "/certificates",
        `/certificates/${certificateId}`,
        `/verify/${certificateId}`,
      ]),
    )),
  );

  problems.push(
    ...(await walk("rep5", async (watched) => {
      const { page } = watched;
      await visit(watched, "/products/ledgerflow");
      // Client-side navigation into a module: its code is evaluated under this document's policy.
      await page.locator('a[href="/products/ledgerflow/ingestion-rules"]').first().click();
      await page.waitForURL(`${server.baseUrl}/products/ledgerflow/ingestion-rules`);
      await page.locator(".fh-mdx h2").first().waitFor();
      expect(watched.problems).toEqual([]);
      // Any answer will do: the round trip to the server's grading is what must work.
      const quiz = page.locator("section.fh-quiz").first();
      await quiz.locator('input[name="choice"]').first().check();
      await quiz.getByRole("button", { name: "Check answer" }).click();
      await quiz.getByText(/^(Correct\.|Not quite\.)/).waitFor();
      pages += 2;
    })),
  );

  problems.push(...(await walk("manager1", visitAll(["/", "/products", "/team"]))));
  problems.push(
    ...(await walk("author", visitAll(["/", "/content", "/products/ledgerflow/kickoff"]))),
  );
  problems.push(
    ...(await walk("admin", visitAll(["/", "/admin/users", "/content", "/products/crewline"]))),
  );
  problems.push(
    ...(await walk("csm", async (watched) => {
      await visitAll(["/", "/verify"])(watched);
      await watched.page
        .getByLabel("Verify link or id")
        .fill(`${server.baseUrl}/verify/${certificateId}`);
      await watched.page.getByRole("button", { name: "Check" }).click();
      await watched.page.waitForURL(`${server.baseUrl}/verify/${certificateId}`);
      await watched.page.locator("main h1, main h2").first().waitFor();
      pages += 1;
    })),
  );
  problems.push(
    ...(await walk(null, async (watched) => {
      await visitAll(["/login", `/verify/${certificateId}`])(watched);
      // Signing in lands on the module client-side, under the sign-in page's policy.
      const { page } = watched;
      await page.goto(`${server.baseUrl}/products/ledgerflow/ingestion-rules`);
      await page.waitForURL(/\/login\?redirectTo=/);
      await expectHydrated(page);
      await page.getByLabel("Email").fill(demoEmail("rep3"));
      await page.getByLabel("Password").fill("firsthand-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${server.baseUrl}/products/ledgerflow/ingestion-rules`);
      await page.locator(".fh-mdx h2").first().waitFor();
      expect(watched.problems).toEqual([]);
      pages += 1;
    })),
  );

  expect(problems).toEqual([]);
  expect(pages).toBeGreaterThanOrEqual(24);
});
