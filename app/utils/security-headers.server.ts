import crypto from "node:crypto";

/** A fresh value per response for the CSP nonce on Remix's inline scripts. */
export function createNonce(): string {
  return crypto.randomBytes(16).toString("base64");
}

// The hosts `<Video>` embeds (app/components/mdx/media.tsx); any other iframe is refused.
const videoFrameHosts = [
  "https://www.youtube.com",
  "https://youtube.com",
  "https://www.youtube-nocookie.com",
  "https://youtube-nocookie.com",
  "https://player.vimeo.com",
  "https://www.loom.com",
  "https://loom.com",
];

export function contentSecurityPolicy({ nonce, dev }: { nonce: string; dev: boolean }): string {
  const directives = {
    "default-src": ["'self'"],
    // Module pages turn mdx-bundler's compiled code into a component with `new Function`
    // (getMDXComponent), so scripts need 'unsafe-eval'. It cannot be limited to module pages: Remix
    // navigates client-side, and a page keeps the policy of the document it was first loaded as,
    // so any page (sign-in included) may go on to render a module. Inline scripts still need the
    // nonce, and scripts load from this origin only.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'unsafe-eval'"],
    // Vite injects <style> elements while developing; production styles are files, and the one style
    // element a page makes, in a diagram mermaid draws, carries the nonce. Development leaves the nonce
    // out, as a nonce makes browsers ignore 'unsafe-inline'.
    "style-src": dev ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`],
    // Progress bars and customers' MDX set style attributes; attributes cannot run script.
    "style-src-attr": ["'unsafe-inline'"],
    // Customers' docs are served unchanged, and they point at images and videos on their CDNs.
    "img-src": ["'self'", "https:"],
    "media-src": ["'self'", "https:"],
    "frame-src": videoFrameHosts,
    "font-src": ["'self'"],
    "connect-src": dev ? ["'self'", "ws:"] : ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** Headers for every response: pages, data requests, assets and errors alike. */
export function securityHeaders({ nonce, dev }: { nonce: string; dev: boolean }) {
  return {
    "Content-Security-Policy": contentSecurityPolicy({ nonce, dev }),
    "X-Content-Type-Options": "nosniff",
    // Other sites (video embeds among them, which need it) learn the origin, never a path such as
    // a certificate id.
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}
