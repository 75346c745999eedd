const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True when a state-changing request comes from another site: its Origin is neither the host it
 * was sent to nor the app's public origin (APP_URL, for proxies that rewrite Host), or, without an
 * Origin, the browser marks it Sec-Fetch-Site: cross-site.
 */
export function isCrossSiteRequest({
  method,
  origin,
  secFetchSite,
  host,
  appOrigin,
}: {
  method: string;
  origin: string | null | undefined;
  secFetchSite: string | null | undefined;
  host: string | null | undefined;
  appOrigin?: string;
}): boolean {
  if (safeMethods.has(method.toUpperCase())) return false;
  if (origin) {
    if (origin === "null") return true;
    try {
      const url = new URL(origin);
      return url.host !== host && url.origin !== appOrigin;
    } catch {
      return true;
    }
  }
  return secFetchSite === "cross-site";
}
