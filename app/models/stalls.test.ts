import { expect, test } from "vitest";
import { median, summariseStalls, worstStall } from "./stalls";

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000);

test("the median is the middle value, or the mean of the middle two", () => {
  expect(median([])).toBeNull();
  expect(median([7])).toBe(7);
  expect(median([9, 1, 5])).toBe(5);
  expect(median([4, 1, 3, 10])).toBe(3.5);
});

test("each module counts who reached and completed it, the median time and first-try failures", () => {
  const stalls = summariseStalls({
    modules: [
      { slug: "a", title: "A" },
      { slug: "b", title: "B" },
      { slug: "c", title: "C" },
    ],
    progress: [
      { moduleSlug: "a", firstOpenedAt: at(0), completedAt: at(30) },
      { moduleSlug: "a", firstOpenedAt: at(0), completedAt: at(60) },
      { moduleSlug: "a", firstOpenedAt: at(0), completedAt: at(90) },
      { moduleSlug: "b", firstOpenedAt: at(100), completedAt: at(120) },
      { moduleSlug: "b", firstOpenedAt: at(100), completedAt: null },
      { moduleSlug: "b", firstOpenedAt: at(100), completedAt: null },
    ],
    firstAttempts: [
      { moduleSlug: "a", correct: true },
      { moduleSlug: "b", correct: false },
      { moduleSlug: "b", correct: false },
      { moduleSlug: "b", correct: true },
      { moduleSlug: "b", correct: true },
    ],
  });
  expect(stalls).toEqual([
    {
      slug: "a",
      title: "A",
      reached: 3,
      completed: 3,
      medianMinutes: 60,
      firstAttemptFailureRate: 0,
      firstAttempts: 1,
    },
    {
      slug: "b",
      title: "B",
      reached: 3,
      completed: 1,
      medianMinutes: 20,
      firstAttemptFailureRate: 0.5,
      firstAttempts: 4,
    },
    {
      slug: "c",
      title: "C",
      reached: 0,
      completed: 0,
      medianMinutes: null,
      firstAttemptFailureRate: null,
      firstAttempts: 0,
    },
  ]);
  expect(worstStall(stalls)?.slug).toBe("b");
  expect(worstStall(stalls.slice(0, 1))).toBeNull();
});
