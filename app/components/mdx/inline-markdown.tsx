import type { ReactNode } from "react";

const pattern = /(\*\*[^*]+\*\*|__[^_]+__|\*[^*]+\*|_[^_]+_|`[^`]+`)/g;

/** The bold, italic and code marks that docs frameworks allow inside a string attribute. */
export function InlineMarkdown({ text }: { text: string }) {
  const parts: ReactNode[] = text.split(pattern).map((part, index) => {
    if (/^(\*\*|__).+\1$/.test(part)) return <strong key={index}>{part.slice(2, -2)}</strong>;
    if (/^`.+`$/.test(part)) return <code key={index}>{part.slice(1, -1)}</code>;
    if (/^([*_]).+\1$/.test(part)) return <em key={index}>{part.slice(1, -1)}</em>;
    return part;
  });
  return <>{parts}</>;
}
