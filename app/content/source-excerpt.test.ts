import { expect, test } from "vitest";
import { sourceExcerpt } from "./source-excerpt";

const source = ["one", "two", "three", "four", "five", "six", "seven", "eight"].join("\r\n");

test("shows the flagged line with three lines either side, numbered from 1", () => {
  expect(sourceExcerpt({ source, line: 5 })).toEqual([
    { number: 2, text: "two", flagged: false },
    { number: 3, text: "three", flagged: false },
    { number: 4, text: "four", flagged: false },
    { number: 5, text: "five", flagged: true },
    { number: 6, text: "six", flagged: false },
    { number: 7, text: "seven", flagged: false },
    { number: 8, text: "eight", flagged: false },
  ]);
});

test("stops at the ends of the file and gives nothing for a line outside it", () => {
  expect(sourceExcerpt({ source, line: 1, context: 1 }).map((l) => l.number)).toEqual([1, 2]);
  expect(sourceExcerpt({ source, line: 8, context: 1 }).map((l) => l.number)).toEqual([7, 8]);
  expect(sourceExcerpt({ source, line: 9 })).toEqual([]);
  expect(sourceExcerpt({ source, line: 0 })).toEqual([]);
});
