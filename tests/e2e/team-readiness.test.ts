import { parse } from "csv-parse/sync";
import { beforeAll, expect, test } from "vitest";
import { browserForThisFile, demoEmail, signIn, signInCookie } from "./browser";
import { personByEmail, readDemoPeople, type DemoPerson } from "./demo-people";
import { serverForThisFile } from "./server-for-this-file";

// Its own server: the remind action queues a notification.
const server = serverForThisFile();
let people: DemoPerson[];
const browser = browserForThisFile();
const north = ["rep1", "rep2", "rep3", "rep4"];
const south = ["rep5", "rep6", "rep7", "rep8", "rep9"];

beforeAll(async () => {
  people = readDemoPeople(server.dataDir);
});

const person = (local: string) => personByEmail(people, demoEmail(local));

test("a manager sees only their team in the matrix and the charts, and the CSV has the same rows", async () => {
  const page = await browser().newPage();
  await signIn(page, server.baseUrl, demoEmail("manager1"));
  await page.waitForURL(`${server.baseUrl}/`);
  await page.goto(`${server.baseUrl}/team`);
  const matrix = page.getByRole("table").first();
  const repNames = await matrix.locator("tbody th[scope=row] a").allInnerTexts();
  expect(repNames.sort()).toEqual(north.map((r) => person(r).name).sort());
  const html = await page.content();
  for (const r of south) {
    expect(html).not.toContain(person(r).name);
    expect(html).not.toContain(demoEmail(r));
  }
  // Status is text as well as colour: rep2's refresh, rep4's lapse.
  const row = (local: string) => matrix.locator("tr", { hasText: demoEmail(local) });
  await expect(row("rep2").innerText()).resolves.toContain("Refresh due");
  await expect(row("rep4").innerText()).resolves.toContain("Lapsed");
  await expect(row("rep3").innerText()).resolves.toMatch(/In progress \d+%/);
  await expect(matrix.locator("tfoot").innerText()).resolves.toContain("cleared to pitch");
  // The stall chart counts Team North's reps only: at most 4 reached any module.
  const reached = await page
    .locator(".stall-chart details table tbody td:nth-child(2)")
    .allTextContents();
  expect(reached.length).toBeGreaterThan(0);
  expect(Math.max(...reached.map(Number))).toBeLessThanOrEqual(north.length);
  expect(Math.max(...reached.map(Number))).toBeGreaterThan(0);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the matrix (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^firsthand-matrix-team-north-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const file = await download.path();
  const { readFile } = await import("node:fs/promises");
  const records: string[][] = parse(await readFile(file!, "utf8"), { bom: true });
  expect(records[0].slice(0, 3)).toEqual(["Rep", "Email", "Team"]);
  expect(records.slice(1).map((r) => r[0])).toEqual(repNames);
  expect(records.slice(1).every((r) => r[2] === "Team North")).toBe(true);
  const rep2 = records.find((r) => r[1] === demoEmail("rep2"))!;
  expect(rep2).toContain("Refresh due");
  await page.close();
});

test("another team's rep, by page or export, is a 404 for a manager", async () => {
  const cookie = await signInCookie(server.baseUrl, demoEmail("manager1"));
  const get = (path: string) =>
    fetch(`${server.baseUrl}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
  const own = await get(`/team/reps/${person("rep2").id}`);
  expect(own.status).toBe(200);
  const ownPage = await own.text();
  expect(ownPage).toContain("Refresh due by");
  expect(ownPage).toMatch(/Right first time|Wrong first time/);
  const foreign = await get(`/team/reps/${person("rep5").id}`);
  expect(foreign.status).toBe(404);
  expect(await foreign.text()).not.toContain(person("rep5").name);
  expect((await get(`/team/reps/not-a-person`)).status).toBe(404);
  // Asking the export for the other team is as if there were no such team.
  const southTeam = person("rep5").teamId!;
  await expect(
    (await get(`/team/export.csv?kind=reps&team=${southTeam}`)).text(),
  ).resolves.not.toContain(demoEmail("rep5"));
  const due = await get("/team/export.csv?kind=due");
  expect(due.headers.get("content-disposition")).toMatch(/firsthand-due-team-north-/);
  const dueRows: string[][] = parse(await due.text(), { bom: true });
  expect(dueRows.slice(1).map((r) => r[1])).toEqual([demoEmail("rep2")]);
  expect((await get("/team/export.csv?kind=nonsense")).status).toBe(400);
});

test("the stall chart renders from the demo data with JavaScript disabled", async () => {
  const context = await browser().newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, server.baseUrl, demoEmail("manager1"));
  await page.waitForURL(`${server.baseUrl}/`);
  await page.goto(`${server.baseUrl}/team?product=ledgerflow`);
  const chart = page.locator(".stall-chart svg");
  await expect(chart.count()).resolves.toBe(1);
  await expect(chart.getAttribute("role")).resolves.toBe("img");
  await expect(chart.locator("title").textContent()).resolves.toMatch(
    /LedgerFlow: Welcome to LedgerFlow, \d+ of \d+ reps completed/,
  );
  expect(await chart.locator("rect.stall-completed").count()).toBeGreaterThan(3);
  await expect(page.getByText("reps stall here").count()).resolves.toBeGreaterThan(0);
  // The data table behind it opens without JavaScript too.
  await page.getByText("LedgerFlow: the data behind the chart").click();
  await expect(
    page.getByRole("columnheader", { name: "First-attempt failure rate" }).isVisible(),
  ).resolves.toBe(true);
  // Filters are a plain GET form.
  await page.getByLabel("Status").selectOption("refresh_due");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.locator(".readiness-matrix tbody tr").count()).resolves.toBe(1);
  await context.close();
});

test("an admin sees every team and can narrow the matrix to one", async () => {
  const cookie = await signInCookie(server.baseUrl, demoEmail("admin"));
  const all = await (await fetch(`${server.baseUrl}/team`, { headers: { Cookie: cookie } })).text();
  for (const r of [...north, ...south]) expect(all).toContain(demoEmail(r));
  const southTeam = person("rep5").teamId!;
  const one = await (
    await fetch(`${server.baseUrl}/team?team=${southTeam}`, { headers: { Cookie: cookie } })
  ).text();
  for (const r of south) expect(one).toContain(demoEmail(r));
  for (const r of north) expect(one).not.toContain(demoEmail(r));
});

for (const javaScriptEnabled of [false, true]) {
  test(`an admin finds a team by part of its name and follows it (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
    const context = await browser().newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, demoEmail("admin"));
    await page.waitForURL(`${server.baseUrl}/`);
    await page.goto(`${server.baseUrl}/team?status=not_started`);
    const search = page.getByRole("search", { name: "Find a team" });
    await search.getByLabel("Find a team").fill("sout");
    await search.getByRole("button", { name: "Find" }).click();
    await page.waitForURL(/[?&]teamSearch=sout/);
    const found = page.getByRole("navigation", { name: "Teams found" });
    await expect(found.getByRole("link").allInnerTexts()).resolves.toEqual(["Team South"]);
    await found.getByRole("link", { name: "Team South" }).click();
    await page.waitForURL(/[?&]team=/);
    const url = new URL(page.url());
    expect(url.searchParams.get("team")).toBe(person("rep5").teamId);
    // The filter set before the search is kept; the search itself is done with.
    expect(url.searchParams.get("status")).toBe("not_started");
    expect(url.searchParams.has("teamSearch")).toBe(false);
    // With JavaScript the URL moves before React has rendered the team's page.
    await page.getByRole("heading", { level: 1, name: "Team South" }).waitFor();
    const reps = await page.locator(".readiness-matrix tbody th[scope=row] a").allInnerTexts();
    expect(reps.length).toBeGreaterThan(0);
    for (const name of reps) expect(south.map((r) => person(r).name)).toContain(name);
    // Showing every team again keeps the other filters.
    await page.getByRole("link", { name: "Every team" }).click();
    await page.waitForURL((u) => !u.searchParams.has("team"));
    expect(new URL(page.url()).searchParams.get("status")).toBe("not_started");
    await page.getByRole("heading", { level: 1, name: "Every team" }).waitFor();
    await context.close();
  });
}

test("a team search that finds nothing says so, and the matrix stays", async () => {
  const cookie = await signInCookie(server.baseUrl, demoEmail("admin"));
  const html = await (
    await fetch(`${server.baseUrl}/team?teamSearch=${encodeURIComponent("<nowhere>")}`, {
      headers: { Cookie: cookie },
    })
  ).text();
  expect(html).toContain("No team&#x27;s name contains “&lt;nowhere&gt;”.");
  for (const r of [...north, ...south]) expect(html).toContain(demoEmail(r));
});

test("remind says why nothing went out, and refuses a rep with no refresh due or on another team", async () => {
  const cookie = await signInCookie(server.baseUrl, demoEmail("manager1"));
  const remind = (local: string) =>
    fetch(`${server.baseUrl}/team`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: server.baseUrl },
      body: new URLSearchParams({
        intent: "remind",
        repId: person(local).id,
        product: "ledgerflow",
      }),
    });
  // Demo servers have no SMTP and no Slack channel: nothing can go out, and the manager is told so.
  const first = await remind("rep2");
  expect(first.status).toBe(409);
  expect(await first.text()).toContain("Nothing was sent");
  const nothingDue = await remind("rep3");
  expect(nothingDue.status).toBe(409);
  expect(await nothingDue.text()).toContain("no refresh due");
  expect((await remind("rep5")).status).toBe(404);
});
