import path from "node:path";
import { renderToString } from "react-dom/server";
import { compileMdx } from "~/content/compile-mdx.server";
import { writeTree } from "~/content/__fixtures__/write-tree";
import { ModuleBody } from "./module-body";

async function compiled(source: string) {
  const productDir = writeTree({ "m.mdx": source });
  const result = await compileMdx({
    source,
    filePath: path.join(productDir, "m.mdx"),
    productDir,
    productSlug: "p",
  });
  if (!result.code) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  return result.code;
}

test("a compiled module renders with the component map and the quiz state it is given", async () => {
  const code = await compiled(
    '## Start\n\n<Note>Read first.</Note>\n\n<Quiz id="q" question="Pick one">\n  <Choice>Wrong</Choice>\n  <Choice correct>Right</Choice>\n  <Explain>Because.</Explain>\n</Quiz>\n',
  );
  const html = renderToString(
    <ModuleBody
      code={code}
      quizState={{
        q: {
          status: "correct",
          selected: ["1"],
          correct: ["1"],
          explanationHtml: "<p>Because.</p>",
        },
      }}
    />,
  );
  expect(html).toContain('<h2 id="start">Start</h2>');
  expect(html).toContain('<p class="fh-callout__title">Note</p>');
  expect(html).toContain('class="fh-choice fh-choice--selected fh-choice--correct"');
  expect(html).toContain("<p>Because.</p>");
});
