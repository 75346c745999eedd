import { createContext, useContext, type ReactNode } from "react";
import type { ProductGlossaryTips } from "~/vocabulary/glossary-tip";

// Terms come from glossary.yml at request time, not from the compiled module, so editing the
// glossary never needs a recompile.
const GlossaryContext = createContext<ProductGlossaryTips | null>(null);

export function GlossaryProvider({
  value,
  children,
}: {
  value: ProductGlossaryTips | null;
  children?: ReactNode;
}) {
  return <GlossaryContext.Provider value={value}>{children}</GlossaryContext.Provider>;
}

export function useGlossary() {
  return useContext(GlossaryContext);
}
