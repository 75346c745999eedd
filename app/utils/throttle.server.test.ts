import {
  getSignInBlockedUntil,
  recordSignInFailure,
  throttlePolicy,
  clearSignInFailures,
} from "./throttle.server";

const t0 = new Date("2026-03-01T10:00:00Z");
const after = (ms: number) => new Date(t0.getTime() + ms);

test("ten failures for one email block that email until the window passes", () => {
  const email = "Throttled@Example.test";
  expect(throttlePolicy.maxFailuresPerEmail).toBe(10);
  for (let i = 0; i < 9; i++) recordSignInFailure({ email, ip: null, now: after(i * 1000) });
  expect(getSignInBlockedUntil({ email, ip: null, now: after(10_000) })).toBeNull();
  recordSignInFailure({ email, ip: null, now: after(10_000) });
  const until = getSignInBlockedUntil({
    email: "throttled@example.test",
    ip: null,
    now: after(11_000),
  });
  expect(until?.getTime()).toBe(t0.getTime() + throttlePolicy.windowMs);
  expect(
    getSignInBlockedUntil({ email, ip: null, now: after(throttlePolicy.windowMs + 10_000) }),
  ).toBeNull();
});

test("many failures from one IP block every email from that IP, not other IPs", () => {
  for (let i = 0; i < throttlePolicy.maxFailuresPerIp; i++) {
    recordSignInFailure({ email: `victim${i}@example.test`, ip: "203.0.113.9", now: after(i) });
  }
  expect(
    getSignInBlockedUntil({ email: "new@example.test", ip: "203.0.113.9", now: after(100) }),
  ).not.toBeNull();
  expect(
    getSignInBlockedUntil({ email: "new@example.test", ip: "198.51.100.1", now: after(100) }),
  ).toBeNull();
});

test("a successful sign-in clears the email's failures", () => {
  const email = "clears@example.test";
  for (let i = 0; i < 5; i++) recordSignInFailure({ email, ip: null, now: after(i) });
  clearSignInFailures({ email });
  for (let i = 0; i < 9; i++) recordSignInFailure({ email, ip: null, now: after(100 + i) });
  expect(getSignInBlockedUntil({ email, ip: null, now: after(200) })).toBeNull();
});
