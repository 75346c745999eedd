import { expect, test } from "vitest";
import { describeValidity } from "./certificate-validity";

const expiresAt = "2027-10-09T10:00:00.000Z";
const refreshDeadline = "2026-11-29T10:00:00.000Z";

test("a lapsed certificate never reads as valid until its term ends", () => {
  const { dates, sentence } = describeValidity({ status: "lapsed", expiresAt, refreshDeadline });
  expect(dates).toEqual([
    { label: "Lapsed on", value: "29 Nov 2026" },
    { label: "Term ends", value: "9 Oct 2027" },
  ]);
  expect(sentence).toMatch(/^Not valid since 29 Nov 2026: a module changed and was not re-taken/);
  expect(sentence).not.toMatch(/valid until|expires/i);
});

test("certified, refresh due and expired each give their own dates and why", () => {
  expect(describeValidity({ status: "certified", expiresAt, refreshDeadline: null }).sentence).toBe(
    "Valid until 9 Oct 2027.",
  );
  expect(describeValidity({ status: "refresh_due", expiresAt, refreshDeadline }).sentence).toBe(
    "Valid until 9 Oct 2027, provided a module that changed is re-taken by 29 Nov 2026.",
  );
  expect(describeValidity({ status: "expired", expiresAt, refreshDeadline: null }).dates).toEqual([
    { label: "Expired on", value: "9 Oct 2027" },
  ]);
});
