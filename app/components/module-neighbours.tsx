import { Link } from "@remix-run/react";

type Neighbour = { slug: string; title: string } | null;

/** Previous and next module links; `base` is the track's path, to which a module's slug is added. */
export function ModuleNeighbours({
  base,
  prev,
  next,
}: {
  base: string;
  prev: Neighbour;
  next: Neighbour;
}) {
  return (
    <nav className="prev-next" aria-label="Module">
      {prev ? (
        <Link to={`${base}/${prev.slug}`} className="tile" rel="prev">
          <span>Previous</span>
          <strong>{prev.title}</strong>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link to={`${base}/${next.slug}`} className="tile prev-next-next" rel="next">
          <span>Next</span>
          <strong>{next.title}</strong>
        </Link>
      ) : null}
    </nav>
  );
}
