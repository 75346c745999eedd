import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const breakingModulePath = "/products/breakage/fails-at-request-time";

/**
 * A copy of the demo content plus one product whose module renders when the server checks it and
 * throws on every page view after `arm()`'s moment: a real unexpected error in the production server.
 * Module code may not keep state across renders (the content guard refuses globals), so the moment is
 * written into the source, far enough ahead for the check to pass first.
 */
export function contentWithBreakingModule() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-breaking-"));
  fs.cpSync(path.resolve("content/products"), path.join(dir, "products"), { recursive: true });
  const product = path.join(dir, "products", "breakage");
  fs.mkdirSync(product);
  fs.writeFileSync(
    path.join(product, "product.yml"),
    "name: Breakage\nsummary: One module that throws whenever a page shows it.\n",
  );
  const write = (breaksFrom: number) =>
    fs.writeFileSync(
      path.join(product, "fails-at-request-time.mdx"),
      `---
title: Fails at request time
---

export const Breaks = () => {
  if (Date.now() >= ${breaksFrom})
    throw new Error(["Exploded", "in", ["", "srv", "secret", "breaks.ts"].join("/")].join(" "));
  return <p>Rendered before it broke.</p>;
};

# Fails at request time

<Breaks />
`,
    );
  write(Number.MAX_SAFE_INTEGER);
  return {
    dir,
    message: "Exploded in /srv/secret/breaks.ts",
    /** Rewrites the module to break `afterMs` from now; the server must compile it before then. */
    arm: (afterMs: number) => {
      const breaksFrom = Date.now() + afterMs;
      write(breaksFrom);
      return breaksFrom;
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
