import { expect, test } from "vitest";
import { isoWeek } from "./sweep.server";

test("weeks are ISO weeks; the digest may go from Monday 08:00 UTC", () => {
  expect(isoWeek(new Date("2026-12-01T12:00:00Z"))).toEqual({
    week: "2026-W49",
    digestFrom: new Date("2026-11-30T08:00:00Z"),
  });
  // 1 January 2027 is a Friday: it belongs to the last week of 2026.
  expect(isoWeek(new Date("2027-01-01T00:00:00Z")).week).toBe("2026-W53");
  expect(isoWeek(new Date("2027-01-04T09:00:00Z")).week).toBe("2027-W01");
  // Sunday night is still the week that began on the Monday before.
  expect(isoWeek(new Date("2026-12-06T23:59:00Z")).week).toBe("2026-W49");
});
