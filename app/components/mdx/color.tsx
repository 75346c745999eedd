import type { ReactNode } from "react";

type ColorValue = string | { light?: string; dark?: string };

/** Only colour syntax reaches a style attribute, so a value cannot smuggle in other CSS. */
function safeColor(value: string | undefined) {
  if (!value) return undefined;
  return /^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla|oklch|oklab|lab|lch|hwb)\([\d\s.,%/+-]+\)|[a-z]+)$/i.test(
    value.trim(),
  )
    ? value.trim()
    : undefined;
}

function Swatch({ value, label }: { value?: string; label: string }) {
  return (
    <span
      className="fh-color__swatch"
      style={{ background: safeColor(value) }}
      role="img"
      aria-label={label}
    />
  );
}

/** One named colour; a theme-aware value shows its light and dark variants side by side. */
function Item({ name, value }: { name?: string; value?: ColorValue }) {
  const variants =
    typeof value === "object" && value
      ? [
          { mode: "light", value: value.light },
          { mode: "dark", value: value.dark },
        ].filter((v): v is { mode: string; value: string } => Boolean(v.value))
      : [{ mode: "", value: typeof value === "string" ? value : "" }];
  return (
    <li className="fh-color__item">
      <span className="fh-color__swatches">
        {variants.map((variant) => (
          <Swatch
            key={variant.mode}
            value={variant.value}
            label={`${name ?? "Colour"}${variant.mode ? ` (${variant.mode})` : ""}: ${variant.value}`}
          />
        ))}
      </span>
      {name ? <span className="fh-color__name">{name}</span> : null}
      <code className="fh-color__value">
        {variants.map((v) => (v.mode ? `${v.mode} ${v.value}` : v.value)).join(" · ")}
      </code>
    </li>
  );
}

/** A titled row of colours in the table variant. */
function Row({ title, children }: { title?: ReactNode; children?: ReactNode }) {
  return (
    <li className="fh-color__row">
      {title ? <span className="fh-color__row-title">{title}</span> : null}
      <ul className="fh-color__items">{children}</ul>
    </li>
  );
}

/** Mintlify's `Color`: a palette of swatches, `compact` (a grid) or `table` (titled rows). */
function ColorRoot({ variant = "compact", children }: { variant?: string; children?: ReactNode }) {
  const table = variant === "table";
  return (
    <ul className={`fh-color fh-color--${table ? "table" : "compact"}`} aria-label="Colour palette">
      {children}
    </ul>
  );
}

export const Color = Object.assign(ColorRoot, { Item, Row });
