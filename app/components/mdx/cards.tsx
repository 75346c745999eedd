import type { ReactNode } from "react";

type CardProps = {
  title?: ReactNode;
  href?: string;
  img?: string;
  horizontal?: boolean;
  cta?: ReactNode;
  children?: ReactNode;
};

export function Card({ title, href, img, horizontal, cta, children }: CardProps) {
  const className = `fh-card${horizontal ? " fh-card--horizontal" : ""}${href ? " fh-card--link" : ""}`;
  const body = (
    <>
      {img ? <img className="fh-card__image" src={img} alt="" /> : null}
      <div className="fh-card__content">
        {title ? <span className="fh-card__title">{title}</span> : null}
        {children ? <div className="fh-card__body">{children}</div> : null}
        {cta ? <span className="fh-card__cta">{cta}</span> : null}
      </div>
    </>
  );
  return href ? (
    <a className={className} href={href}>
      {body}
    </a>
  ) : (
    <div className={className}>{body}</div>
  );
}

function columnsClass(cols: number | string | undefined) {
  const count = Math.min(Math.max(Number(cols) || 2, 1), 4);
  return `fh-grid fh-grid--cols-${count}`;
}

export function CardGroup({ cols, children }: { cols?: number | string; children?: ReactNode }) {
  return <div className={columnsClass(cols)}>{children}</div>;
}

export const Columns = CardGroup;

export function Column({ children }: { children?: ReactNode }) {
  return <div className="fh-column">{children}</div>;
}

/** Nextra's `<Cards>` with `<Cards.Card>`. */
export const Cards = Object.assign(
  function Cards({ num, children }: { num?: number; children?: ReactNode }) {
    return <CardGroup cols={num ?? 3}>{children}</CardGroup>;
  },
  { Card },
);

/** Docusaurus's `@theme/DocCardList`; the compiler fills it with one card per page of the category. */
export function DocCardList({ children }: { children?: ReactNode }) {
  return <div className="fh-grid fh-grid--cols-2 fh-doc-cards">{children}</div>;
}
