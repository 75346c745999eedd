import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { browserForThisFile, demoEmail, signIn } from "./browser";
import { startServer, type RunningServer } from "./start-server";
import { startWebhookReceiver } from "../support/webhook-receiver";

const browser = browserForThisFile();
const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "firsthand-integrations-content-"));
fs.cpSync("content", contentDir, { recursive: true });
let server: RunningServer;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startWebhookReceiver({ down: true });
  server = await startServer({
    CONTENT_DIR: contentDir,
    WEBHOOK_RETRY_BASE_MS: "300",
    OUTBOX_POLL_MS: "100",
    SWEEP_INTERVAL_MS: "300",
  });
});
afterAll(async () => {
  await server?.stop();
  await receiver?.close();
  fs.rmSync(contentDir, { recursive: true, force: true });
});

test("an admin adds an endpoint, watches failed attempts in the log, and redelivers a delivered event", async () => {
  const page = await browser().newPage();
  await signIn(page, server.baseUrl, demoEmail("admin"));
  await page.getByRole("link", { name: "Integrations" }).first().click();
  await page.getByRole("heading", { name: "Integrations", level: 1 }).waitFor();

  // Refused input keeps the form's promise: a message, nothing saved.
  await page.getByLabel("URL").fill("ftp://crm.example.com/hooks");
  await page.getByLabel("Signing secret").fill("a-secret-long-enough");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect.poll(() => page.getByRole("alert").textContent()).toContain("http(s)");

  await page.getByLabel("URL").fill(receiver.url);
  await page.getByLabel("Signing secret").fill("a-secret-long-enough");
  await page.getByLabel("certification.issued").uncheck();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect
    .poll(() => page.getByRole("status").textContent())
    .toContain(`Added ${receiver.url}`);
  const endpoints = page.getByRole("region", { name: "Webhook endpoints" });
  await expect.poll(() => endpoints.textContent()).toContain(receiver.url);
  await expect.poll(() => endpoints.textContent()).not.toContain("issued");

  // Let the first sweep record where everyone stands, then change a module reps are certified on.
  await new Promise((r) => setTimeout(r, 1000));
  const file = path.join(contentDir, "products/ledgerflow/kickoff.mdx");
  fs.writeFileSync(
    file,
    fs.readFileSync(file, "utf8").replace(/^revision: *(\d+)/m, "revision: 7"),
  );

  const log = page.getByRole("region", { name: "Delivery log" });
  await expect
    .poll(
      async () => {
        await page.reload();
        return log.textContent();
      },
      { timeout: 20_000 },
    )
    .toMatch(/certification\.refresh_due[\s\S]*pending[\s\S]*The endpoint answered 503/);

  receiver.setDown(false);
  await expect
    .poll(
      async () => {
        await page.reload();
        return (
          (await log.getByText("pending").count()) === 0 &&
          (await log.getByText("delivered").count()) > 0
        );
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  const delivered = receiver.calls
    .filter((c) => c.accepted)
    .map((c) => JSON.parse(c.body).id as string);
  expect(delivered.length).toBeGreaterThan(0);
  expect(new Set(delivered).size).toBe(delivered.length);

  // The attempts are listed, failures first; redeliver sends the same event id again.
  const firstRow = log.getByRole("row").nth(1);
  await firstRow.locator("summary").click();
  await expect.poll(() => firstRow.textContent()).toContain("The endpoint answered 503");
  const eventId = (await firstRow.locator("code").first().textContent())!;
  await firstRow.getByRole("button", { name: "Redeliver" }).click();
  await expect.poll(() => page.getByRole("status").textContent()).toContain("Queued again");
  await expect
    .poll(
      () => receiver.calls.filter((c) => c.accepted && JSON.parse(c.body).id === eventId).length,
      {
        timeout: 10_000,
      },
    )
    .toBe(2);

  // The filter links on the channel cards narrow the log.
  await page
    .getByRole("link", { name: /failed/ })
    .first()
    .click();
  await expect.poll(() => log.textContent()).toContain("Nothing to show.");
  await page.close();
});
