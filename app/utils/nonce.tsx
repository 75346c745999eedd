import { createContext, useContext } from "react";

// Browsers hide a nonce from scripts once the page has loaded, so the client renders "" in its place.
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}

/**
 * This page's nonce, read in the browser: the attribute is hidden there, but a nonced script keeps its
 * value in the `nonce` property. Styles inserted after hydration (mermaid's) need it.
 */
export function documentNonce(): string {
  return document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce ?? "";
}
