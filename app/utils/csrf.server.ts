const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True when a state-changing request comes from another site: its Origin names another host, or,
 * without an Origin, the browser marks it Sec-Fetch-Site: cross-site.
 */
export function isCrossSiteRequest({
  method,
  origin,
  secFetchSite,
  host,
}: {
  method: string;
  origin: string | null | undefined;
  secFetchSite: string | null | undefined;
  host: string | null | undefined;
}): boolean {
  if (safeMethods.has(method.toUpperCase())) return false;
  if (origin) {
    if (origin === "null") return true;
    try {
      return new URL(origin).host !== host;
    } catch {
      return true;
    }
  }
  return secFetchSite === "cross-site";
}
