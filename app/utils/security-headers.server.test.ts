import { contentSecurityPolicy, createNonce, securityHeaders } from "./security-headers.server";

function directives(policy: string) {
  return new Map(
    policy.split("; ").map((d) => {
      const [name, ...values] = d.split(" ");
      return [name, values] as const;
    }),
  );
}

test("scripts run only from this origin or with this response's nonce, never inline", () => {
  const nonce = createNonce();
  const script = directives(contentSecurityPolicy({ nonce, dev: false })).get("script-src");
  expect(script).toEqual(["'self'", `'nonce-${nonce}'`, "'unsafe-eval'"]);
  expect(createNonce()).not.toBe(nonce);
  expect(Buffer.from(nonce, "base64").length).toBe(16);
});

test("the page cannot be framed, and plugins, base tags and foreign forms are refused", () => {
  const policy = directives(contentSecurityPolicy({ nonce: "n", dev: false }));
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'none'"]);
  expect(policy.get("form-action")).toEqual(["'self'"]);
  expect(policy.get("default-src")).toEqual(["'self'"]);
  expect(policy.get("connect-src")).toEqual(["'self'"]);
});

test("style elements need this response's nonce, while style attributes are allowed", () => {
  const nonce = createNonce();
  const policy = directives(contentSecurityPolicy({ nonce, dev: false }));
  expect(policy.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
  expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  const dev = directives(contentSecurityPolicy({ nonce, dev: true }));
  expect(dev.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
});

test("every response says nosniff, keeps paths from other sites and refuses framing", () => {
  expect(securityHeaders({ nonce: "n", dev: false })).toMatchObject({
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
  });
});
