import { Component, useMemo, type ReactNode } from "react";
import type { ProductGlossaryTips } from "~/vocabulary/glossary-tip";
import { GlossaryProvider } from "./glossary-context";
import { mdxComponents } from "./mdx-components";
import { getModuleComponent } from "./mdx-runtime";
import { QuizStateProvider, type QuizState } from "./quiz-context";

/** Renders a compiled module. Modules are checked by rendering on the server at compile time, so the boundary is a last resort. */
export function ModuleBody({
  code,
  quizState = {},
  glossary = null,
}: {
  code: string;
  quizState?: Record<string, QuizState>;
  /** The product's terms, for <Term>; without them terms are plain text. */
  glossary?: ProductGlossaryTips | null;
}) {
  const Content = useMemo(() => getModuleComponent(code), [code]);
  return (
    <ModuleErrorBoundary key={code}>
      <QuizStateProvider value={quizState}>
        <GlossaryProvider value={glossary}>
          <div className="fh-mdx">
            <Content components={mdxComponents} />
          </div>
        </GlossaryProvider>
      </QuizStateProvider>
    </ModuleErrorBoundary>
  );
}

class ModuleErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="fh-module-error" role="alert">
        <p className="fh-module-error__title">This part of the module could not be displayed.</p>
        <p>Reload the page to try again. If it keeps happening, let your enablement team know.</p>
      </div>
    );
  }
}
