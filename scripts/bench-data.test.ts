import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { certificationStatuses } from "~/models/certification-status";
import { digestBenchDatabase, generateBenchData, parseBenchDataArgs } from "./bench-data";

const now = "2026-12-01T00:00:00.000Z";
const options = (out: string) =>
  parseBenchDataArgs([
    "--reps",
    "30",
    "--products",
    "2",
    "--modules-per-product",
    "4",
    "--out",
    out,
    "--seed",
    "7",
    "--now",
    now,
  ]);

describe("npm run bench:data", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "fh-bench-data-"));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("generates a small organisation the app reads as intended, the same from the same seed", async () => {
    const lines: string[] = [];
    const first = await generateBenchData(options(path.join(root, "a")), (l) => lines.push(l));
    expect(lines.some((l) => l.startsWith("[4/5] reps 30/30"))).toBe(true);
    expect(fs.readdirSync(path.join(first.contentDir, "products")).sort()).toEqual(
      first.products.sort(),
    );
    expect(first.products).toHaveLength(2);

    const sqlite = new Database(first.databasePath, { readonly: true });
    const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
    expect(count("SELECT count(*) AS n FROM users WHERE role = 'rep'")).toBe(30);
    expect(count("SELECT count(*) AS n FROM teams")).toBe(3);
    const manager1 = sqlite
      .prepare(
        "SELECT u.id, u.team_id AS teamId FROM users u WHERE email = 'manager1@bench.firsthand.test'",
      )
      .get() as { id: string; teamId: string };
    expect(
      count(
        `SELECT count(*) AS n FROM users WHERE team_id = '${manager1.teamId}' AND role = 'rep'`,
      ),
    ).toBe(10);
    expect(
      sqlite.prepare("SELECT role FROM users WHERE email = 'admin@bench.firsthand.test'").get(),
    ).toEqual({ role: "admin" });
    expect(count("SELECT count(*) AS n FROM quiz_attempts")).toBe(first.rows.attempts);
    expect(count("SELECT count(*) AS n FROM module_progress")).toBe(first.rows.progress);
    expect(
      count("SELECT count(*) AS n FROM module_progress WHERE completed_at IS NULL"),
    ).toBeGreaterThan(0);
    expect(count("SELECT count(DISTINCT password_hash) AS n FROM users")).toBe(1);
    // The readiness table is complete, so a server's first start has nothing to backfill.
    expect(lines.some((l) => l.startsWith("[5/5] readiness"))).toBe(true);
    expect(count("SELECT count(*) AS n FROM rep_statuses WHERE progress IS NULL")).toBe(0);
    expect(
      count(
        "SELECT count(*) AS n FROM (SELECT DISTINCT user_id, product_slug FROM module_progress) p WHERE NOT EXISTS (SELECT 1 FROM rep_statuses s WHERE s.user_id = p.user_id AND s.product_slug = p.product_slug)",
      ),
    ).toBe(0);
    const reps = sqlite.prepare("SELECT id, email FROM users WHERE role = 'rep'").all() as {
      id: string;
      email: string;
    }[];
    const stored = new Map(
      (
        sqlite
          .prepare(
            "SELECT user_id AS userId, product_slug AS productSlug, status FROM rep_statuses",
          )
          .all() as {
          userId: string;
          productSlug: string;
          status: string;
        }[]
      ).map((r) => [`${r.userId}/${r.productSlug}`, r.status]),
    );
    sqlite.close();

    // The app's own standing, read from the generated files, must agree with what was planned.
    process.env.CONTENT_DIR = first.contentDir;
    const { openDatabase } = await import("~/utils/db.server");
    const { loadCatalog } = await import("~/content/content.server");
    const { getStanding } = await import("~/models/certification.server");
    const db = openDatabase(first.databasePath);
    const globalForDb = globalThis as unknown as { firsthandDb?: unknown };
    const previousDb = globalForDb.firsthandDb;
    globalForDb.firsthandDb = db;
    try {
      const products = await loadCatalog({ contentDir: first.contentDir, db });
      const seen = new Set<string>();
      for (const rep of reps)
        for (const product of products) {
          const standing = getStanding({ userId: rep.id, product, now: new Date(now) });
          seen.add(standing.report.status);
          expect(standing.report.status, `${rep.email} on ${product.slug}`).toBe(
            stored.get(`${rep.id}/${product.slug}`) ?? "not_started",
          );
          if (standing.report.status === "certified")
            expect(standing.score).toBeGreaterThanOrEqual(0.8);
        }
      expect([...seen].sort()).toEqual([...certificationStatuses].sort());
    } finally {
      globalForDb.firsthandDb = previousDb;
      db.$client.close();
    }
    expect(Object.values(first.scenarios).every((n) => n > 0)).toBe(true);

    const again = await generateBenchData(options(path.join(root, "b")), () => {});
    expect(digestBenchDatabase(again.databasePath)).toBe(digestBenchDatabase(first.databasePath));
    const other = await generateBenchData({ ...options(path.join(root, "c")), seed: 8 }, () => {});
    expect(digestBenchDatabase(other.databasePath)).not.toBe(
      digestBenchDatabase(first.databasePath),
    );
  }, 120_000);

  it("refuses bad arguments with a message", () => {
    expect(() => parseBenchDataArgs(["--reps", "0", "--out", "x"])).toThrow(
      "--reps must be at least 1",
    );
    expect(() => parseBenchDataArgs(["--reps", "5"])).toThrow("give --out DIR");
    expect(() => parseBenchDataArgs(["--out", "x", "--now", "yesterday"])).toThrow("--now must be");
  });
});
