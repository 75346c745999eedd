// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import type { ProductGlossaryTips } from "~/vocabulary/glossary-tip";
import { GlossaryProvider } from "./glossary-context";
import { Term } from "./term";

afterEach(cleanup);

const glossary: ProductGlossaryTips = {
  productSlug: "ledgerflow",
  terms: [
    {
      term: "Ingestion rule",
      anchor: "ingestion-rule",
      definition: "Pulls bank and card data every morning.",
      week: 2,
      moduleTitle: "Automate ingestion with rules",
    },
  ],
};

const withGlossary = (node: React.ReactNode) => (
  <GlossaryProvider value={glossary}>{node}</GlossaryProvider>
);

test("a known term links to its glossary entry and is described by its definition", () => {
  render(withGlossary(<Term>ingestion rules</Term>));
  const link = screen.getByRole("link", { name: "ingestion rules" });
  expect(link).toHaveAttribute("href", "/glossary#ledgerflow-ingestion-rule");
  expect(link).toHaveAccessibleDescription(
    "Ingestion rule Pulls bank and card data every morning. Customer meets it in week 2: Automate ingestion with rules",
  );
  expect(screen.getByRole("tooltip", { hidden: true })).toHaveAttribute("id");
});

test("Escape dismisses the tip, on focus or on hover, until the term is entered again", () => {
  render(withGlossary(<Term id="ingestion-rule">these rules</Term>));
  const link = screen.getByRole("link", { name: "these rules" });
  const wrapper = link.parentElement!;
  fireEvent.focus(link);
  fireEvent.keyDown(link, { key: "Escape" });
  expect(wrapper).toHaveClass("fh-term--dismissed");
  fireEvent.blur(link);
  fireEvent.focus(link);
  expect(wrapper).not.toHaveClass("fh-term--dismissed");
  fireEvent.blur(link);

  fireEvent.mouseEnter(wrapper);
  fireEvent.keyDown(document.body, { key: "Escape" });
  expect(wrapper).toHaveClass("fh-term--dismissed");
  fireEvent.mouseLeave(wrapper);
  fireEvent.mouseEnter(wrapper);
  expect(wrapper).not.toHaveClass("fh-term--dismissed");

  // Once neither hovered nor focused, Escape belongs to the rest of the page.
  fireEvent.mouseLeave(wrapper);
  fireEvent.keyDown(document.body, { key: "Escape" });
  expect(wrapper).not.toHaveClass("fh-term--dismissed");
});

test("without JavaScript it is a plain link with its tip in the page", () => {
  const html = renderToString(withGlossary(<Term>Ingestion rule</Term>));
  expect(html).toMatch(
    /^<span class="fh-term"><a class="fh-term__link" href="\/glossary#ledgerflow-ingestion-rule" aria-describedby="[^"]+">/,
  );
  expect(html).toContain('role="tooltip"');
});

test("an unknown term, or a page without a glossary, shows plain text", () => {
  const unknown = renderToString(withGlossary(<Term>flux review</Term>));
  expect(unknown).toBe("flux review");
  expect(renderToString(<Term>ingestion rules</Term>)).toBe("ingestion rules");
  expect(renderToString(withGlossary(<Term id="nope">rules</Term>))).toBe("rules");
});
