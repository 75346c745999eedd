import { expect, inject, test } from "vitest";
import { demoEmail, signIn, browserForThisFile } from "./browser";

const baseUrl = inject("baseUrl");
const browser = browserForThisFile();

const expectedNav = {
  rep1: ["Home", "Products", "My certificates", "Handoffs"],
  manager1: ["Home", "Products", "My team", "Handoffs"],
  author: ["Home", "Products", "Content status", "Change impact", "Friction"],
  csm: ["Home", "Products", "Handoff queue", "Verify a certificate"],
  admin: [
    "Home",
    "Products",
    "Readiness",
    "People & teams",
    "Integrations",
    "Handoffs",
    "Content status",
  ],
};

// The app's inbox: in the demo, rep1 owes the CSM a reply on one handoff, and two wait for the CSM.
const expectedInbox: Record<string, string[]> = {
  rep1: ["Handoffs, 1 waiting for you"],
  csm: ["Handoff queue, 2 waiting for you"],
};

for (const [local, links] of Object.entries(expectedNav)) {
  test(`${local} signs in and sees their role's navigation`, async () => {
    const page = await browser().newPage();
    await signIn(page, baseUrl, demoEmail(local));
    await page.waitForURL(`${baseUrl}/`);
    const nav = page.getByRole("navigation", { name: "Main" });
    // A sign-in with JavaScript navigates client-side: the URL can change a tick before the page.
    await nav.getByRole("link", { name: "Home" }).waitFor();
    const labels = nav
      .getByRole("link")
      .evaluateAll((as) => as.map((a) => a.childNodes[0]?.textContent ?? ""));
    await expect(labels).resolves.toEqual(links);
    const counted = nav
      .getByRole("link")
      .filter({ has: page.locator(".nav-count") })
      .evaluateAll((as) =>
        as.map(
          (a) => `${a.childNodes[0]?.textContent}, ${a.querySelector(".nav-count")!.textContent}`,
        ),
      );
    await expect(counted).resolves.toEqual(expectedInbox[local] ?? []);
    await page.close();
  });
}

test("a wrong password shows an error and stays on sign-in", async () => {
  const page = await browser().newPage();
  await signIn(page, baseUrl, demoEmail("rep3"), "not-the-password");
  await page
    .getByRole("alert")
    .filter({ hasText: /do not match an account/ })
    .waitFor();
  expect(new URL(page.url()).pathname).toBe("/login");
  await page.close();
});

test("signing out returns to sign-in and the old session no longer works", async () => {
  const page = await browser().newPage();
  await signIn(page, baseUrl, demoEmail("rep4"));
  await page.waitForURL(`${baseUrl}/`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login$/);
  await page.goto(`${baseUrl}/`);
  expect(new URL(page.url()).pathname).toBe("/login");
  await page.close();
});

test("a disabled user's open session ends and they cannot sign in again", async () => {
  const repContext = await browser().newContext();
  const repPage = await repContext.newPage();
  await signIn(repPage, baseUrl, demoEmail("rep6"));
  await repPage.waitForURL(`${baseUrl}/`);

  const adminContext = await browser().newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, baseUrl, demoEmail("admin"));
  await adminPage.waitForURL(`${baseUrl}/`);
  await adminPage.goto(`${baseUrl}/admin/users`);
  await adminPage.getByRole("button", { name: `Disable ${demoEmail("rep6")}` }).click();
  await adminPage
    .getByRole("status")
    .filter({ hasText: /Disabled rep6@/ })
    .waitFor();

  await repPage.reload();
  expect(new URL(repPage.url()).pathname).toBe("/login");
  await signIn(repPage, baseUrl, demoEmail("rep6"));
  await repPage
    .getByRole("alert")
    .filter({ hasText: /disabled/ })
    .waitFor();

  await adminPage.getByRole("button", { name: `Re-enable ${demoEmail("rep6")}` }).click();
  await adminPage
    .getByRole("status")
    .filter({ hasText: /Re-enabled rep6@/ })
    .waitFor();
  await signIn(repPage, baseUrl, demoEmail("rep6"));
  await repPage.waitForURL(`${baseUrl}/`);
  await repContext.close();
  await adminContext.close();
});
