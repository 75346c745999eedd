import { renderToString } from "react-dom/server";
import { mdxComponents } from "~/components/mdx/mdx-components";
import { getModuleComponent } from "~/components/mdx/mdx-runtime";
import { QuizStateProvider } from "~/components/mdx/quiz-context";

/**
 * Renders compiled module code once, as a page would, so a module that throws never reaches a page.
 * React's development warnings are returned instead of printed: they are content problems to report.
 */
export function renderModule(code: string): { html: string; warnings: string[] } {
  const warnings: string[] = [];
  const printError = console.error;
  console.error = (...args: unknown[]) => {
    warnings.push(formatReactWarning(args));
  };
  try {
    const Content = getModuleComponent(code);
    const html = renderToString(
      <QuizStateProvider value={{}}>
        <Content components={mdxComponents} />
      </QuizStateProvider>,
    );
    return { html, warnings };
  } finally {
    console.error = printError;
  }
}

function formatReactWarning(args: unknown[]) {
  const [template, ...values] = args.map(String);
  let index = 0;
  const message = template.replace(/%s/g, () => values[index++] ?? "");
  return message.split("\n")[0].replace(/^Warning: /, "");
}
