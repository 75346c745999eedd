import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { termMatchesQuery } from "~/vocabulary/glossary-search";

export type GlossaryPageTerm = {
  id: string;
  term: string;
  definition: string;
  replaces: string[];
  week: number | null;
  module: { title: string; url: string };
};

export type GlossaryPageProduct = { slug: string; name: string; terms: GlossaryPageTerm[] };

/**
 * Every product's terms, filtered as someone types. Without JavaScript the same box is a GET form
 * (`?q=`), and the server renders the same filter.
 */
export function GlossaryBrowser({
  products,
  initialQuery,
}: {
  products: GlossaryPageProduct[];
  initialQuery: string;
}) {
  const [query, setQuery] = useState(initialQuery);
  const shown = products
    .map((product) => ({
      ...product,
      terms: product.terms.filter((term) => termMatchesQuery({ term, query })),
    }))
    .filter((product) => product.terms.length > 0);
  const count = shown.reduce((sum, product) => sum + product.terms.length, 0);
  return (
    <div className="stack-lg">
      <Form method="get" role="search" className="panel glossary-search" aria-label="Glossary">
        <div className="field">
          <label htmlFor="glossary-q">Search terms, definitions and marketing phrases</label>
          <div className="inline-form">
            <input
              id="glossary-q"
              name="q"
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              placeholder="e.g. ingestion, seamless, week 2"
              maxLength={200}
              autoComplete="off"
            />
            <button type="submit" className="button">
              Search
            </button>
          </div>
        </div>
        <p className="small muted" aria-live="polite">
          {query.trim()
            ? `${count} ${count === 1 ? "term matches" : "terms match"} “${query.trim()}”`
            : `${count} terms across ${shown.length} products`}
        </p>
      </Form>
      {shown.length === 0 ? (
        <p className="panel muted">
          No term matches “{query.trim()}”. Try one word, or a phrase you would say in a pitch.
        </p>
      ) : null}
      {shown.map((product) => (
        <section
          key={product.slug}
          className="stack"
          aria-labelledby={`glossary-${product.slug}-title`}
        >
          <h2 id={`glossary-${product.slug}-title`}>{product.name}</h2>
          <ul className="glossary-list">
            {product.terms.map((term) => (
              <GlossaryEntry key={term.id} term={term} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function GlossaryEntry({ term }: { term: GlossaryPageTerm }) {
  return (
    <li id={term.id} className="panel glossary-term" aria-labelledby={`${term.id}-name`}>
      <h3 id={`${term.id}-name`} className="glossary-term__name">
        {term.term}
      </h3>
      <p className="glossary-term__definition">{term.definition}</p>
      <p className="small glossary-term__where">
        {term.week !== null ? `Customer meets it in week ${term.week} — ` : "Customer meets it in "}
        <Link to={term.module.url}>{term.module.title}</Link>
      </p>
      {term.replaces.length ? (
        <div className="glossary-term__replaces small">
          <span className="muted">Replaces</span>
          <ul aria-label={`Marketing phrases ${term.term} replaces`}>
            {term.replaces.map((phrase) => (
              <li key={phrase}>
                <s>{phrase}</s>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}
