import { isKnownComponent } from "~/components/mdx/mdx-components";
import { documentedComponents, documentedHelperModules } from "./framework-components";
import { frameworkShims } from "./mdx-plugins/framework-imports";

for (const [framework, names] of Object.entries(documentedComponents)) {
  test(`every component ${framework} documents is in the component map`, () => {
    expect(names.filter((name) => !isKnownComponent(name))).toEqual([]);
  });
}

test("every documented Docusaurus and Next.js helper module has a stand-in", () => {
  expect(documentedHelperModules.filter((module) => !(module in frameworkShims))).toEqual([]);
});

test("a namespace is known only through its members", () => {
  expect(isKnownComponent("GitHub.Repo")).toBe(true);
  expect(isKnownComponent("GitHub")).toBe(false);
  expect(isKnownComponent("GitHub.Gist")).toBe(false);
  expect(isKnownComponent("Tree.Leaf")).toBe(false);
});
