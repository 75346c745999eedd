import path from "node:path";
import { readProductConfig } from "./product-config.server";
import { writeTree } from "./__fixtures__/write-tree";

test("product.yml gives name, summary, module order and policy with defaults", () => {
  const dir = writeTree({
    "product.yml":
      "name: Acme\nsummary: Books.\nmodules:\n  - kickoff\ncertification:\n  passMark: 0.9\n",
  });
  expect(readProductConfig({ productDir: dir })).toMatchObject({
    name: "Acme",
    summary: "Books.",
    modules: [{ entry: "kickoff", line: 4 }],
    policy: { passMark: 0.9, validDays: 365, refreshGraceDays: 14, maxAttemptsPerDay: 3 },
    diagnostics: [],
  });
});

test("a mistake in product.yml is an error on its line, and the rest of the file still counts", () => {
  const dir = writeTree({
    "product.yml": "name: Acme\nsummary: Books.\ncertification:\n  passMark: 2\n",
  });
  const config = readProductConfig({ productDir: dir });
  expect(config.name).toBe("Acme");
  expect(config.policy.passMark).toBe(0.8);
  expect(config.diagnostics).toEqual([
    {
      severity: "error",
      file: path.join(dir, "product.yml"),
      line: 4,
      message: "product.yml `certification.passMark`: Number must be less than or equal to 1",
    },
  ]);
});

test("a folder without product.yml is still a product, named after the folder, with a warning", () => {
  const root = writeTree({ "team-docs/intro.mdx": "# Intro\n" });
  const config = readProductConfig({ productDir: path.join(root, "team-docs") });
  expect(config).toMatchObject({ name: "Team docs", summary: "", modules: null, configFile: null });
  expect(config.diagnostics[0]).toMatchObject({ severity: "warning" });
});
