import { createContext, useContext } from "react";

// Browsers hide a nonce from scripts once the page has loaded, so the client renders "" in its place.
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
