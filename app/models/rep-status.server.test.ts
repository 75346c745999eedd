import { expect, test } from "vitest";
import { transitionEvent } from "./rep-status.server";

const at = (status: string, certificationId: string | null = "c1", refreshModules = "[]") => ({
  status,
  certificationId,
  refreshModules,
});

test("each change of status announces the event a CRM gates on", () => {
  expect(transitionEvent(at("in_progress", null), at("certified"))).toBe("certification.issued");
  expect(transitionEvent(at("expired", null), at("certified", "c2"))).toBe("certification.issued");
  expect(transitionEvent(at("certified"), at("refresh_due", "c1", '["kickoff"]'))).toBe(
    "certification.refresh_due",
  );
  expect(transitionEvent(at("refresh_due", "c1", '["kickoff"]'), at("lapsed"))).toBe(
    "certification.lapsed",
  );
  expect(transitionEvent(at("lapsed"), at("certified"))).toBe("certification.restored");
  expect(transitionEvent(at("refresh_due"), at("certified"))).toBe("certification.restored");
  expect(transitionEvent(at("certified"), at("expired", null))).toBe("certification.expired");
});

test("no change, or a change no one gates on, announces nothing", () => {
  expect(transitionEvent(at("certified"), at("certified"))).toBeNull();
  expect(transitionEvent(at("not_started", null), at("in_progress", null))).toBeNull();
  expect(transitionEvent(at("expired", null), at("in_progress", null))).toBeNull();
  expect(transitionEvent(at("lapsed"), at("lapsed"))).toBeNull();
});

test("a second module changing during a refresh is announced; the same set again is not", () => {
  const one = at("refresh_due", "c1", '["kickoff"]');
  expect(transitionEvent(one, at("refresh_due", "c1", '["kickoff","rules"]'))).toBe(
    "certification.refresh_due",
  );
  expect(transitionEvent(one, at("refresh_due", "c1", '["kickoff"]'))).toBeNull();
  // Re-taking one of two leaves less to do: no news.
  expect(
    transitionEvent(at("refresh_due", "c1", '["a","b"]'), at("refresh_due", "c1", '["b"]')),
  ).toBeNull();
});
