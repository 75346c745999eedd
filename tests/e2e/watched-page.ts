import type { BrowserContext, Page } from "playwright-core";

export type Watched = { page: Page; problems: string[] };

/** A page that collects console errors, CSP violations (logged as errors) and uncaught errors, by URL. */
export async function watchedPage(context: BrowserContext): Promise<Watched> {
  const problems: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  return { page, problems };
}
