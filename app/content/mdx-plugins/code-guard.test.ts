import path from "node:path";
import { writeTree } from "../__fixtures__/write-tree";
import { compileMdx } from "../compile-mdx.server";
import { renderModule } from "../render-module.server";

async function compile(source: string, extraFiles: Record<string, string> = {}) {
  const productDir = writeTree({ "module.mdx": source, ...extraFiles });
  const filePath = path.join(productDir, "module.mdx");
  const result = await compileMdx({ source, filePath, productDir, productSlug: "acme" });
  const errors = result.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => `${path.relative(productDir, d.file)}:${d.line}:${d.column} ${d.message}`);
  return { ...result, errors, html: result.code ? renderModule(result.code).html : "" };
}

// Each construct sits on line 3, after a heading and a blank line.
const forbiddenInModules: [construct: string, line3: string, column: number][] = [
  ["`process`", "{process.env.DATABASE_PATH}", 2],
  ["`process`", "Text first, then {process.getBuiltinModule('fs')}", 19],
  ["`require`", "{require('node:fs').readFileSync('package.json', 'utf8')}", 2],
  ["`module`", "{module.constructor}", 2],
  ["`exports`", "{exports.x}", 2],
  ["`globalThis`", "{globalThis.process.env.DATABASE_PATH}", 2],
  ["`globalThis`", "{globalThis['proc' + 'ess']}", 2],
  ["`global`", "{global.process}", 2],
  ["`eval`", "{eval('1 + 1')}", 2],
  ["`eval`", "{(0, eval)('1 + 1')}", 6],
  ["`Function`", "{Function('return 1')()}", 2],
  ["`Function`", "{new Function('return 1')()}", 6],
  ["`Function`", "{Reflect.construct(Function, ['return 1'])}", 20],
  ["`this` outside a method", "{this.process.env.DATABASE_PATH}", 2],
  ["`.constructor`", "{[].map.constructor('return process')()}", 9],
  ["`.constructor`", "{''.constructor.constructor('return process')()}", 5],
  ["`.constructor`", "{[]['constructor']['constructor']('return 1')()}", 5],
  ["`.constructor`", "{[][`constructor`]}", 5],
  ["`.constructor`", "{[]['con' + 'structor']}", 5],
  ['"constructor"', "{Reflect.get(() => 1, 'constructor')}", 23],
  ["`.__proto__`", "{({}).__proto__}", 7],
  ["`.getPrototypeOf`", "{Object.getPrototypeOf(async () => 1)}", 9],
  ["`.callee`", "{(function () { return arguments.callee })()}", 34],
  ["`.prepareStackTrace`", "{Error.prepareStackTrace}", 8],
  ["dynamic `import()`", "{import('node:fs')}", 2],
  ["`import.meta`", "{import.meta.url}", 2],
  ["`process`", "<Note title={process.env.DATABASE_PATH}>x</Note>", 14],
  ["`process`", "<Note {...process.env}>x</Note>", 11],
  ["`process`", "export const leak = () => process.env.DATABASE_PATH", 27],
  ["`process`", "export const Leak = () => <div>{process.env.DATABASE_PATH}</div>", 33],
  ["`process`", "export const Leak = () => <process.env />", 28],
  ["`process`", "export const Leak = () => { const { env } = process; return env.HOME }", 45],
  ["`.constructor`", "export const F = () => { const { constructor: C } = () => 1; return C }", 34],
  ["`crypto.getRandomValues`", "{(crypto.getRandomValues = () => new Uint8Array(32), '')}", 3],
  ["`Array.prototype.includes`", "{(Array.prototype.includes = () => true, '')}", 3],
  ["`Date`", "{Object.defineProperty(Date, 'now', { value: () => 0 })}", 24],
  ["`props.components.Quiz`", "{(props.components.Quiz = () => null, '')}", 3],
  ["`Math.random`", "{delete Math.random}", 9],
  ["`Date`", "{(Date = function () { return 0 }, '')}", 3],
  ["`c.getRandomValues`", "{(c.getRandomValues = null, '')}\n\nexport const c = crypto", 3],
  ["`.stack`", "{new Error('where').stack}", 21],
  ["`_jsx_runtime.jsx`", "{(_jsx_runtime.jsx = () => null, '')}", 3],
  [
    "`.__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED`",
    "{React.__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED}",
    8,
  ],
  ["`React.createElement`", "{(React.createElement = null, '')}\n\nimport React from 'react'", 3],
  ['Node built-in "fs"', "import fs from 'fs'", 1],
  ['Node built-in "node:fs"', "import { readFileSync } from 'node:fs'", 1],
  ['Node built-in "child_process"', "import * as cp from 'child_process'", 1],
  ['Node built-in "fs/promises"', "export * from 'fs/promises'", 1],
  ['Node built-in "child_process"', "export { exec } from 'child_process'", 1],
];

test.each(forbiddenInModules)(
  "%s on line 3 fails the compile with an error naming it (%s)",
  async (construct, line3, column) => {
    const result = await compile(`# Guarded\n\n${line3}\n`);
    expect(result.ok).toBe(false);
    expect(result.code).toBeNull();
    expect(result.errors).toContainEqual(expect.stringContaining(`module.mdx:3:${column} `));
    const error = result.errors.find((e) => e.startsWith(`module.mdx:3:${column} `));
    expect(error).toContain(construct);
    expect(error).toContain("see SECURITY.md");
  },
);

test("every offending place in a file is reported, not only the first", async () => {
  const result = await compile(
    "# Many\n\n{process.env.A}\n\nAnd {globalThis.x}\n\n{[].constructor}\n",
  );
  expect(result.errors.map((e) => e.split(" ")[0])).toEqual([
    "module.mdx:3:2",
    "module.mdx:5:6",
    "module.mdx:7:5",
  ]);
});

test("imported .jsx and .tsx files are checked too, at the author's line and column", async () => {
  const result = await compile(
    "import { Leak } from './snippets/leak.jsx'\nimport Typed from './snippets/typed.tsx'\n\n# Hi\n\n<Leak />\n<Typed />\n",
    {
      "snippets/leak.jsx":
        "export const Leak = () => {\n  const path = 'x'\n  return <div>{process.env.DATABASE_PATH}{path}</div>\n}\n",
      "snippets/typed.tsx":
        "type Props = { label: string }\n\ninterface Unused { n: number }\n\nexport default function Typed(props: Props) {\n  const fs = require('fs') as { readFileSync: (p: string) => string }\n  return <span>{props.label}{fs.readFileSync('x')}</span>\n}\n",
    },
  );
  expect(result.ok).toBe(false);
  expect(result.errors.sort()).toEqual([
    expect.stringMatching(/^snippets\/leak\.jsx:3:16 Uses `process`/),
    expect.stringMatching(/^snippets\/typed\.tsx:6:14 Uses `require`/),
  ]);
});

test("scripts that a snippet imports in turn are checked, whatever their extension", async () => {
  const result = await compile("import { Show } from './snippets/show.jsx'\n\n# Hi\n\n<Show />\n", {
    "snippets/show.jsx":
      "import secret from './secret.mjs'\nimport legacy from './legacy.cts'\nexport const Show = () => <p>{secret}{legacy}</p>\n",
    "snippets/secret.mjs":
      "export default [].map.constructor('return process')().env.DATABASE_PATH\n",
    "snippets/legacy.cts": "const answer: number = 42\nmodule.exports = answer\n",
  });
  expect(result.ok).toBe(false);
  expect(result.errors.sort()).toEqual([
    expect.stringMatching(/^snippets\/legacy\.cts:2:1 Uses `module`/),
    expect.stringMatching(/^snippets\/secret\.mjs:1:23 Reads `\.constructor`/),
  ]);
});

test("an imported .mdx snippet is checked with its own file and line", async () => {
  const result = await compile("import Part from './_part.mdx'\n\n# Hi\n\n<Part />\n", {
    "_part.mdx": "Some text.\n\n{globalThis.process.env.DATABASE_PATH}\n",
  });
  expect(result.ok).toBe(false);
  expect(result.errors).toContainEqual(expect.stringMatching(/^_part\.mdx:3:2 Uses `globalThis`/));
});

const allowed: [what: string, source: string, files: Record<string, string>, shows: string][] = [
  [
    "a parameter named process inside an export's function",
    "export function next(process) { return process.steps[0] }\n\n{next({ steps: ['Review'] })}",
    {},
    "Review",
  ],
  [
    "a local variable named process in an exported component",
    "export const Step = () => { const process = 'Approve'; return <b>{process}</b> }\n\n<Step />",
    {},
    "Approve",
  ],
  [
    "an exported object property read as steps.process",
    "export const steps = { process: 'Reconcile' }\n\n{steps.process}",
    {},
    "Reconcile",
  ],
  ["an object literal key named process", "{({ process: 'Sign' }).process}", {}, "Sign"],
  [
    "strings and template text holding the words",
    "{'process.env and require(\"fs\") and constructor'} {`globalThis and eval ${1}`}",
    {},
    "process.env and require(&quot;fs&quot;) and constructor",
  ],
  [
    "fenced code and inline code",
    "Run `process.env.DATABASE_PATH` in `{globalThis.eval()}`.\n\n```js\nconst fs = require('fs');\nprocess.exit(new Function('x')());\n```",
    {},
    "<code>process.env.DATABASE_PATH</code>",
  ],
  [
    "prose and attribute strings",
    'The constructor of the process: <Badge>this, global, module</Badge> <Note title="constructor">x</Note>',
    {},
    "The constructor of the process",
  ],
  [
    "content's own data with a stack field",
    "export const team = { stack: 'React and SQLite' }\n\n{team.stack}",
    {},
    "React and SQLite",
  ],
  [
    "a class component with a constructor and this.state",
    "import React from 'react'\n\nexport class Counter extends React.Component { constructor(props) { super(props); this.state = { n: 5 } } render() { return <b>Count {this.state.n}</b> } }\n\n<Counter />",
    {},
    "Count <!-- -->5",
  ],
  ["this inside an object method", "{({ n: 2, twice() { return this.n * 2 } }).twice()}", {}, "4"],
  [
    "browser guards and ordinary globals",
    "{typeof window === 'undefined' ? 'server' : 'browser'} {Math.max(1, 2)} {JSON.stringify([1])}",
    {},
    "server",
  ],
  [
    "a package import, whose code is never loaded: it becomes a placeholder",
    "import { Chart } from 'chart-kit'\n\n<Chart />\n\nAfter the chart.",
    {},
    "After the chart.",
  ],
  [
    "React, docs-framework, product and Docusaurus site imports",
    "import { useState } from 'react'\nimport Tabs from '@theme/Tabs'\nimport TabItem from '@theme/TabItem'\nimport useBaseUrl from '@docusaurus/useBaseUrl'\nimport Part from './_part.mdx'\nimport { Hello } from './snippets/hello.jsx'\nimport Team from '@site/src/components/Team'\n\n<Tabs><TabItem value=\"a\" label=\"A\">Tab body</TabItem></Tabs>\n\n<Part />\n\n<Hello />\n\n{useBaseUrl('/img')}",
    {
      "_part.mdx": "Included part.",
      "snippets/hello.jsx":
        "export const Hello = () => { const [process] = useState('Hello snippet'); return <p>{process}</p> }\n",
    },
    "Hello snippet",
  ],
];

test.each(allowed)("%s compiles without a guard error", async (_what, body, files, shows) => {
  const result = await compile(`# Allowed\n\n${body}\n`, files);
  expect(result.errors).toEqual([]);
  expect(result.ok).toBe(true);
  expect(result.html).toContain(shows);
});
