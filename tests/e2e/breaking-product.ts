import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const breakingModulePath = "/products/breakage/fails-at-request-time";

/**
 * A copy of the demo content plus one product whose only module renders once (the compile-time
 * check) and throws on every page view after: a real unexpected error in the production server.
 * The message is assembled at run time so the module's own code never contains it.
 */
export function contentWithBreakingModule(): { dir: string; message: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-breaking-"));
  fs.cpSync(path.resolve("content/products"), path.join(dir, "products"), { recursive: true });
  const product = path.join(dir, "products", "breakage");
  fs.mkdirSync(product);
  fs.writeFileSync(
    path.join(product, "product.yml"),
    "name: Breakage\nsummary: One module that throws whenever a page shows it.\n",
  );
  fs.writeFileSync(
    path.join(product, "fails-at-request-time.mdx"),
    `---
title: Fails at request time
---

export const Breaks = () => {
  globalThis.firsthandBreakingRenders = (globalThis.firsthandBreakingRenders ?? 0) + 1;
  if (globalThis.firsthandBreakingRenders > 1)
    throw new Error(["Exploded", "in", ["", "srv", "secret", "breaks.ts"].join("/")].join(" "));
  return <p>Rendered once.</p>;
};

# Fails at request time

<Breaks />
`,
  );
  return {
    dir,
    message: "Exploded in /srv/secret/breaks.ts",
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
