import { compareEntryNames, isModulePath, moduleSlugFromPath, moduleUrl } from "./module-path";

test("a module's slug is its path without order prefixes or extension", () => {
  expect(moduleSlugFromPath("01-connect.mdx")).toBe("connect");
  expect(moduleSlugFromPath("1_connect.md")).toBe("connect");
  expect(moduleSlugFromPath("01.connect.mdx")).toBe("connect");
  expect(moduleSlugFromPath("02-week-2/03-rules.mdx")).toBe("week-2/rules");
  expect(moduleSlugFromPath("week-2/rules.mdx")).toBe("week-2/rules");
  expect(moduleSlugFromPath("2024.mdx")).toBe("2024");
});

test("index files take their folder's slug, and the root index is `index`", () => {
  expect(moduleSlugFromPath("index.mdx")).toBe("index");
  expect(moduleSlugFromPath("guide/index.mdx")).toBe("guide");
  expect(moduleSlugFromPath("01-guide/index.md")).toBe("guide");
});

test("includes, dot-folders and node_modules are not modules", () => {
  expect(isModulePath("welcome.mdx")).toBe(true);
  expect(isModulePath("docs/Quickstart.md")).toBe(true);
  expect(isModulePath("snippets/reminder.mdx")).toBe(false);
  expect(isModulePath("week-1/_partials/reminder.mdx")).toBe(false);
  expect(isModulePath("_reminder.mdx")).toBe(false);
  expect(isModulePath(".github/notes.md")).toBe(false);
  expect(isModulePath("node_modules/pkg/readme.md")).toBe(false);
  expect(isModulePath("images/logo.png")).toBe(false);
});

test("entries sort index first, then by numeric prefix, then by name", () => {
  const names = ["zeta.mdx", "10-ten.mdx", "2-two.mdx", "index.mdx", "alpha.mdx", "01-one.mdx"];
  expect([...names].sort(compareEntryNames)).toEqual([
    "index.mdx",
    "01-one.mdx",
    "2-two.mdx",
    "10-ten.mdx",
    "alpha.mdx",
    "zeta.mdx",
  ]);
});

test("module URLs keep folder slashes", () => {
  expect(moduleUrl({ productSlug: "acme", moduleSlug: "week-2/rules" })).toBe(
    "/products/acme/week-2/rules",
  );
});
