import { Link } from "@remix-run/react";
import type { ComponentProps } from "react";
import { formatDate } from "~/utils/dates";
import { VocabularyTiles } from "./home-tiles";
import { ProductCard } from "./product-card";

type Overview = ComponentProps<typeof ProductCard>["overview"] & {
  expiringSoon: boolean;
};

/** A rep's home: what expires soon, then each product with the one thing to do next. */
export function RepHome({ overviews }: { overviews: Overview[] }) {
  const expiring = overviews.filter((o) => o.expiringSoon);
  return (
    <>
      {expiring.length ? (
        <section className="banner banner-warning" aria-labelledby="expiring-title">
          <h2 id="expiring-title" className="small-heading">
            Expiring within 30 days
          </h2>
          <ul>
            {expiring.map((o) => (
              <li key={o.slug}>
                <Link to={`/products/${o.slug}`}>{o.name}</Link> expires{" "}
                {formatDate(o.eligibility.expiresAt)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="my-products-title" className="stack">
        <h2 id="my-products-title">My products</h2>
        <ul className="card-grid product-grid" aria-label="My products">
          {overviews.map((o) => (
            <ProductCard key={o.slug} overview={o} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="vocabulary-title" className="stack">
        <h2 id="vocabulary-title">Speak the product&apos;s language</h2>
        <div className="card-grid">
          <VocabularyTiles />
        </div>
      </section>
    </>
  );
}
