import { readModuleFrontmatter } from "./module-frontmatter";

test("journey metadata is read and unknown keys are kept", () => {
  const { data, diagnostics } = readModuleFrontmatter({
    file: "/x/m.mdx",
    source:
      "---\ntitle: Connect\ndescription: From the docs\nweek: 2\nduration: 45\nfriction:\n  - Admin rights\nsidebar_label: Connect it\nicon: plug\n---\n\n# Body\n",
  });
  expect(diagnostics).toEqual([]);
  expect(data).toMatchObject({
    title: "Connect",
    description: "From the docs",
    week: 2,
    duration: 45,
    friction: ["Admin rights"],
    sidebar_label: "Connect it",
    icon: "plug",
  });
});

test("a wrong type on a known key is an error on that key's line, and the other keys survive", () => {
  const { data, diagnostics } = readModuleFrontmatter({
    file: "/x/m.mdx",
    source: "---\ntitle: Connect\nweek: soon\nrevision: 3\n---\n",
  });
  expect(diagnostics).toEqual([
    {
      severity: "error",
      file: "/x/m.mdx",
      line: 3,
      message: "Frontmatter `week`: Expected number, received string",
    },
  ]);
  expect(data).toMatchObject({ title: "Connect", revision: 3 });
  expect(data.week).toBeUndefined();
});

test("frontmatter that is not YAML is a fatal error with its line", () => {
  const result = readModuleFrontmatter({
    file: "/x/m.mdx",
    source: "---\ntitle: [unclosed\nweek: 1\n---\n",
  });
  expect(result.fatal).toBe(true);
  expect(result.diagnostics[0]).toMatchObject({ severity: "error", line: expect.any(Number) });
});

test("a module without frontmatter has none", () => {
  expect(readModuleFrontmatter({ file: "/x/m.mdx", source: "# Just a heading\n" })).toEqual({
    data: {},
    diagnostics: [],
    fatal: false,
    invalidKeys: [],
  });
});
