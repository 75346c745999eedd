import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { getModuleComponent } from "./mdx-runtime";

// Compiled module code in the shape mdx-bundler emits: a function body that returns the module's exports.
const probe = `
function Content() {
  const plainThis = (function () { return this; })();
  const seen = [typeof process, typeof require, typeof module, typeof exports, typeof global,
    typeof globalThis, typeof plainThis];
  return _jsx_runtime.jsx("p", { children: seen.join(" ") });
}
return { default: Content };`;

test("module code sees the server's globals as undefined, and `this` in a plain call too", () => {
  const Content = getModuleComponent(probe);
  expect(renderToString(createElement(Content))).toBe(
    "<p>undefined undefined undefined undefined undefined undefined undefined</p>",
  );
});

test("ordinary globals and the component map stay available to module code", () => {
  const Content = getModuleComponent(`
return { default: () => _jsx_runtime.jsx("p", {
  children: [Math.max(2, 3), JSON.stringify([1]), typeof FirsthandMdxComponents.Note].join(" "),
}) };`);
  expect(renderToString(createElement(Content))).toBe("<p>3 [1] function</p>");
});
