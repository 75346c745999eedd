import { Link } from "@remix-run/react";

type Neighbour = { slug: string; title: string } | null;

export function ModuleNeighbours({
  productSlug,
  prev,
  next,
}: {
  productSlug: string;
  prev: Neighbour;
  next: Neighbour;
}) {
  return (
    <nav className="prev-next" aria-label="Module">
      {prev ? (
        <Link to={`/products/${productSlug}/${prev.slug}`} className="tile" rel="prev">
          <span>Previous</span>
          <strong>{prev.title}</strong>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link
          to={`/products/${productSlug}/${next.slug}`}
          className="tile prev-next-next"
          rel="next"
        >
          <span>Next</span>
          <strong>{next.title}</strong>
        </Link>
      ) : null}
    </nav>
  );
}
