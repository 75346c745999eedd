import { isCrossSiteRequest } from "./csrf.server";

const base = { host: "app.example.test", secFetchSite: null, origin: null };

test("a POST from another origin is cross-site", () => {
  expect(isCrossSiteRequest({ ...base, method: "POST", origin: "https://evil.example" })).toBe(
    true,
  );
  expect(
    isCrossSiteRequest({ ...base, method: "DELETE", origin: "http://app.example.test:8080" }),
  ).toBe(true);
  expect(isCrossSiteRequest({ ...base, method: "POST", origin: "null" })).toBe(true);
});

test("a POST from the same origin passes", () => {
  expect(isCrossSiteRequest({ ...base, method: "POST", origin: "https://app.example.test" })).toBe(
    false,
  );
});

test("without an Origin, Sec-Fetch-Site decides", () => {
  expect(isCrossSiteRequest({ ...base, method: "POST", secFetchSite: "cross-site" })).toBe(true);
  expect(isCrossSiteRequest({ ...base, method: "POST", secFetchSite: "same-origin" })).toBe(false);
  expect(isCrossSiteRequest({ ...base, method: "POST" })).toBe(false);
});

test("reads are never refused", () => {
  expect(isCrossSiteRequest({ ...base, method: "GET", origin: "https://evil.example" })).toBe(
    false,
  );
});

test("behind a proxy, the app's public origin is not another site", () => {
  const proxied = {
    ...base,
    method: "POST",
    host: "127.0.0.1:3000",
    appOrigin: "https://firsthand.example",
  };
  expect(isCrossSiteRequest({ ...proxied, origin: "https://firsthand.example" })).toBe(false);
  expect(isCrossSiteRequest({ ...proxied, origin: "https://evil.example" })).toBe(true);
});
