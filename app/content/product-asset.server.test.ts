import fs from "node:fs";
import path from "node:path";
import { productAssetResponse } from "./product-asset.server";
import { goodFixture, writeTree } from "./__fixtures__/write-tree";

const serve = (assetPath: string, options: { versioned?: boolean; contentDir?: string } = {}) =>
  productAssetResponse({
    productSlug: "acme",
    assetPath,
    versioned: options.versioned ?? true,
    contentDir: options.contentDir ?? goodFixture,
  });

test("a product image is served with its type and cached for good when versioned", async () => {
  const response = serve("images/diagram.png");
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("image/png");
  expect(response.headers.get("Cache-Control")).toBe("private, max-age=31536000, immutable");
  const bytes = Buffer.from(await response.arrayBuffer());
  expect(
    bytes.equals(fs.readFileSync(path.join(goodFixture, "products/acme/images/diagram.png"))),
  ).toBe(true);
});

test("an unversioned request is only cached briefly", () => {
  expect(serve("images/diagram.png", { versioned: false }).headers.get("Cache-Control")).toBe(
    "private, max-age=300",
  );
});

test("sources, missing files, unknown products and paths leaving the folder are 404", () => {
  const outside = writeTree({ "secret.png": "x", "products/acme/ok.png": "y" });
  fs.symlinkSync(path.join(outside, "secret.png"), path.join(outside, "products/acme/link.png"));
  expect(serve("01-welcome.mdx").status).toBe(404);
  expect(serve("product.yml").status).toBe(404);
  expect(serve("images/missing.png").status).toBe(404);
  expect(serve("../../secret.png", { contentDir: outside }).status).toBe(404);
  expect(serve("link.png", { contentDir: outside }).status).toBe(404);
  expect(serve("ok.png", { contentDir: outside }).status).toBe(200);
  expect(
    productAssetResponse({
      productSlug: "nope",
      assetPath: "images/diagram.png",
      versioned: true,
      contentDir: goodFixture,
    }).status,
  ).toBe(404);
});

test("SVGs cannot run script", () => {
  const dir = writeTree({ "products/acme/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>" });
  const response = serve("logo.svg", { contentDir: dir });
  expect(response.headers.get("Content-Type")).toBe("image/svg+xml");
  expect(response.headers.get("Content-Security-Policy")).toContain("sandbox");
});
