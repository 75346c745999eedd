import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { chromiumPath } from "./chromium-path";

// Playwright gives every launch a fresh, empty profile directory of its own.
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** One Chromium for the calling test file, launched before its tests and closed after them. */
export function browserForThisFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("The browser is not running yet");
    return browser;
  };
}

export const demoPassword = "firsthand-demo";
export const demoEmail = (local: string) => `${local}@demo.firsthand.test`;

export async function signIn(page: Page, baseUrl: string, email: string, password = demoPassword) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in over plain HTTP, as a script outside the browser would, and returns the Cookie header. */
export async function signInCookie(baseUrl: string, email: string, password = demoPassword) {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
  });
  if (response.status !== 302) throw new Error(`Sign-in as ${email} failed: ${response.status}`);
  return response.headers.get("set-cookie")!.split(";")[0];
}

/** A browser context already signed in as a demo account (none: signed out), without walking the form. */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  account: string | null,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  if (account) {
    const [name, value] = (await signInCookie(baseUrl, demoEmail(account))).split("=");
    await context.addCookies([{ name, value, url: baseUrl }]);
  }
  return context;
}
