import type { ReactNode } from "react";

/** Mintlify's `Tile`: a link with a visual preview (its children) above a title and description. */
export function Tile({
  href,
  title,
  description,
  children,
}: {
  href?: string;
  title?: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
}) {
  const body = (
    <>
      <span className="fh-tile__preview">{children}</span>
      {title ? <span className="fh-tile__title">{title}</span> : null}
      {description ? <span className="fh-tile__description">{description}</span> : null}
    </>
  );
  return href ? (
    <a className="fh-tile" href={href}>
      {body}
    </a>
  ) : (
    <div className="fh-tile">{body}</div>
  );
}

/**
 * Mintlify's `GitHub.Repo`: a card linking to a public repository. Mintlify fetches star and fork
 * counts in the reader's browser; Firsthand pages make no third-party calls, so the card shows the name.
 */
function Repo({ repo, variant = "default" }: { repo?: string; variant?: string }) {
  if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo)) return null;
  const [owner, name] = repo.split("/");
  const tone = ["inset", "flat"].includes(variant) ? variant : "default";
  return (
    <a className={`fh-repo fh-repo--${tone}`} href={`https://github.com/${repo}`}>
      <span className="fh-repo__mark" aria-hidden="true">
        GH
      </span>
      <span className="fh-repo__text">
        <span className="fh-repo__owner">{owner} /</span>{" "}
        <span className="fh-repo__name">{name}</span>
        <span className="fh-repo__hint">Repository on GitHub</span>
      </span>
    </a>
  );
}

/** A namespace, not a component: Mintlify documents `GitHub.Repo` only. */
export const GitHub = { Repo };
