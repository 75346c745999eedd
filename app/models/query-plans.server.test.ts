import { vi } from "vitest";
import { pairsToCheck } from "~/integrations/sweep.server";
import { openDatabase, type Db } from "~/utils/db.server";
import { productFixture } from "../../tests/setup/product-fixture";
import { getStanding } from "./certification.server";
import { listCertifiedReps } from "./change-impact.server";
import { getMatrixPage } from "./readiness.server";
import { getStandings } from "./standings.server";
import { getUserByEmail } from "./user.server";

// The reads behind every standing (each page, each eligibility answer) must use an index, never
// scan a table or sort: at enterprise size a scan is millions of rows per request.
describe("hot queries' plans", () => {
  const globalForDb = globalThis as unknown as { firsthandDb?: Db };
  const previous = globalForDb.firsthandDb;
  const db = openDatabase(":memory:");
  const statements: string[] = [];
  beforeAll(() => {
    const prepare = db.$client.prepare.bind(db.$client);
    vi.spyOn(db.$client, "prepare").mockImplementation(((source: string) => {
      statements.push(source);
      return prepare(source);
    }) as typeof db.$client.prepare);
    globalForDb.firsthandDb = db;
  });
  afterAll(() => {
    globalForDb.firsthandDb = previous;
    db.$client.close();
  });

  const plan = (source: string) => {
    const params = (source.match(/\?/g) ?? []).map(() => null);
    const rows = db.$client.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as {
      detail: string;
    }[];
    return rows.map((r) => r.detail);
  };

  it("finds a rep's standing on a product, or many at once, through indexes, without sorting", () => {
    getStanding({ userId: "nobody", product: productFixture() });
    getStandings({ of: [{ userId: "nobody", product: productFixture() }] });
    getUserByEmail({ email: "nobody@example.test" });
    const reads = statements.filter((s) => s.trimStart().toLowerCase().startsWith("select"));
    const tables = [
      "certifications",
      "enrolments",
      "module_progress",
      "module_sources",
      "quiz_attempts",
      "users",
    ];
    for (const table of tables)
      expect(
        reads.some((s) => s.includes(`"${table}"`)),
        table,
      ).toBe(true);
    for (const read of reads) {
      const details = plan(read);
      expect(
        // A constant row (the database version a cache is keyed on) reads no table; the pairs
        // asked for at once are a JSON array, walked once.
        details.some(
          (d) =>
            /^SCAN /.test(d) && d !== "SCAN CONSTANT ROW" && !/^SCAN pair VIRTUAL TABLE/.test(d),
        ),
        `${read}\n${details.join("\n")}`,
      ).toBe(false);
      expect(
        details.some((d) => /TEMP B-TREE/.test(d)),
        `${read}\n${details.join("\n")}`,
      ).toBe(false);
    }
    const attempts = reads.filter((s) => s.includes(`"quiz_attempts"."attempted_at"`));
    expect(attempts).toHaveLength(2);
    for (const read of attempts)
      expect(plan(read).join("\n")).toContain("quiz_attempts_user_time_idx");
    const revisions = reads.find((s) => s.includes(`from "module_sources"`))!;
    expect(plan(revisions).join("\n")).toContain("COVERING INDEX module_sources_revision_seen_idx");
  });

  it("reads a product's certified reps for a change's impact from its active certifications' index", () => {
    statements.length = 0;
    listCertifiedReps({ db, productSlug: "nothing" });
    const reads = statements.filter((s) => s.trimStart().toUpperCase().startsWith("SELECT"));
    expect(reads).toHaveLength(3);
    for (const read of reads) {
      const details = plan(read).join("\n");
      expect(details, read).toMatch(/USING (COVERING )?INDEX certifications_active_product_idx/);
      expect(details, read).not.toMatch(/^SCAN |TEMP B-TREE/m);
    }
  });

  it("pages through every rep by name without sorting them all", () => {
    statements.length = 0;
    for (const dir of ["asc", "desc"] as const)
      getMatrixPage({ scope: { all: true }, productSlugs: ["p"], query: { dir, page: 2 } });
    const pages = statements.filter((s) => /ORDER BY u\.name/.test(s));
    expect(pages).toHaveLength(2);
    for (const read of pages) {
      const details = plan(read).join("\n");
      expect(details, read).toContain("users_name_idx");
      expect(details, read).not.toContain("TEMP B-TREE");
    }
  });

  it("finds what the clock moved, every minute, through indexes: no scan of standings or certifications", () => {
    statements.length = 0;
    pairsToCheck({ changedSlugs: [], now: new Date(), reconcile: false });
    const reads = statements.filter((s) => /^\s*SELECT/i.test(s));
    expect(reads).toHaveLength(2);
    for (const read of reads) {
      const details = plan(read).join("\n");
      expect(details, read).toMatch(/USING (COVERING )?INDEX rep_statuses_(expiry|deadline)_idx/);
      expect(details, read).not.toMatch(/^SCAN |TEMP B-TREE/m);
    }
  });
});
