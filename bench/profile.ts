// npm run bench:profile -- --data DIR --page /login --page /team,manager1@bench.firsthand.test …
// Where each page's server CPU goes: for each page, serves DIR (made by `npm run bench:data`) with the
// production build under `--cpu-prof`, loads the page with autocannon, and splits the profile into ms
// per request. A page is PATH, or PATH,EMAIL to load it signed in as that person.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { spawnServer } from "../tests/spawn-server";
import { splitCpu, type CpuProfile } from "./cpu-split";
import { measure, type Figure } from "./measure";
import { signIn } from "./sign-in";

const pageSchema = z
  .string()
  .regex(/^\/[^,]*(,[^,]+@[^,]+)?$/, "must be PATH or PATH,EMAIL")
  .transform((page) => {
    const [pagePath, email] = page.split(",");
    return { path: pagePath, email };
  });
const argsSchema = z.object({
  data: z.string({ required_error: "is required: a folder made by npm run bench:data" }),
  page: z.array(pageSchema).min(1, "is needed at least once"),
  seconds: z.coerce.number().int().min(2).max(120).default(10),
  connections: z.coerce.number().int().min(1).max(100).default(10),
});
const { values } = parseArgs({
  options: {
    data: { type: "string" },
    page: { type: "string", multiple: true },
    seconds: { type: "string" },
    connections: { type: "string" },
  },
});
const parsed = argsSchema.safeParse({ ...values, page: values.page ?? [] });
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => `--${i.path.join(".")} ${i.message}`).join("\n"));
  process.exit(1);
}
const args = parsed.data;
const dataDir = path.resolve(args.data);
if (!fs.existsSync(path.join(dataDir, "firsthand.db"))) {
  console.error(
    `${dataDir} has no firsthand.db: make one with npm run bench:data -- --out ${args.data}`,
  );
  process.exit(1);
}

type Page = z.output<typeof pageSchema>;

/** One page under its own profiled server, so no other page's work is in its profile. */
async function profilePage(page: Page) {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-profile-"));
  const server = await spawnServer({
    startTimeoutMs: 180_000,
    nodeOptions: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`],
    preload: [path.resolve("bench/exit-on-sigterm.ts")],
    env: {
      DATABASE_PATH: path.join(dataDir, "firsthand.db"),
      CONTENT_DIR: path.join(dataDir, "content"),
      SEED_DEMO: "false",
      SWEEP_INTERVAL_MS: "3600000",
    },
  });
  let figure: Figure;
  try {
    while (!server.output().includes("Start-up sweep"))
      await new Promise((r) => setTimeout(r, 200));
    const cookie = page.email ? await signIn(server.baseUrl, page.email) : "";
    const first = await fetch(server.baseUrl + page.path, {
      headers: { cookie },
      redirect: "manual",
    });
    await first.text();
    if (first.status !== 200) throw new Error(`${page.path} answered ${first.status}, not 200`);
    console.log(
      `[profile] ${page.path}${page.email ? ` as ${page.email}` : ""}: ${args.seconds} s…`,
    );
    figure = await measure(
      server.baseUrl,
      { name: page.path, path: page.path, headers: cookie ? { cookie } : undefined },
      { seconds: args.seconds, connections: args.connections },
    );
  } finally {
    await server.stop();
  }
  // The main thread's profile is the largest; worker threads write their own.
  const [file] = fs
    .readdirSync(profileDir)
    .map((name) => path.join(profileDir, name))
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  fs.rmSync(profileDir, { recursive: true, force: true });
  return {
    figure,
    split: splitCpu(profile, { windowMs: args.seconds * 1000, requests: figure.requests }),
  };
}

const results: ({ page: Page } & Awaited<ReturnType<typeof profilePage>>)[] = [];
for (const page of args.page) results.push({ page, ...(await profilePage(page)) });

const ms = (n: number) => n.toFixed(2);
const table = [
  ["ms of server CPU per request", ...results.map((r) => r.page.path)],
  ...results[0].split.parts.map((part, i) => [
    part.name,
    ...results.map((r) => ms(r.split.parts[i].msPerRequest)),
  ]),
  ["total", ...results.map((r) => ms(r.split.msPerRequest))],
  ["req/s under the profiler", ...results.map((r) => r.figure.rps.toFixed(0))],
  ["errors", ...results.map((r) => String(r.figure.errors))],
];
const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
console.log("");
for (const row of table)
  console.log(
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "),
  );
