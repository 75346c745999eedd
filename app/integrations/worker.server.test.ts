import { expect, test } from "vitest";
import { retryDelayMs } from "./worker.server";

test("retries back off exponentially from the base, and never wait more than an hour", () => {
  expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 10_000))).toEqual([
    10_000, 20_000, 40_000, 80_000,
  ]);
  expect(retryDelayMs(30, 10_000)).toBe(60 * 60 * 1000);
  // Ten-second base: at least 24 hours of attempts fit well inside the three-day window.
  let elapsed = 0;
  let attempts = 0;
  while (elapsed < 24 * 60 * 60 * 1000) elapsed += retryDelayMs(++attempts, 10_000);
  expect(attempts).toBeGreaterThan(20);
});
