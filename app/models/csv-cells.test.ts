import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { expect, test } from "vitest";
import { csvFileName, csvOptions, safeCsvCell, safeCsvText } from "./csv-cells";

test("cells a spreadsheet would run as a formula are escaped with a leading quote", () => {
  for (const evil of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]) {
    expect(safeCsvText(evil)).toBe(`'${evil}`);
  }
  expect(safeCsvText("Ava Martins")).toBe("Ava Martins");
  expect(safeCsvText("a=b")).toBe("a=b");
  expect(safeCsvCell(-5)).toBe(-5);
  expect(safeCsvCell(null)).toBe("");
  expect(safeCsvCell(true)).toBe("yes");
});

test("escaped cells survive RFC 4180 quoting and parse back as written", () => {
  const rows = [["=1+2", 'He said "hi", then left', "line\nbreak", "Chloé"]];
  const csv = stringify(
    rows.map((r) => r.map(safeCsvCell)),
    csvOptions,
  );
  expect(csv).toContain('"He said ""hi"", then left"');
  expect(csv.endsWith("\r\n")).toBe(true);
  expect(csv.startsWith("\uFEFF")).toBe(true);
  expect(parse(csv, { bom: true })).toEqual([
    ["'=1+2", 'He said "hi", then left', "line\nbreak", "Chloé"],
  ]);
});

test("file names say which team and which day", () => {
  const now = new Date("2026-12-02T10:00:00Z");
  expect(csvFileName({ kind: "matrix", teamName: "Team Nörth", now })).toBe(
    "firsthand-matrix-team-north-2026-12-02.csv",
  );
  expect(csvFileName({ kind: "due", teamName: null, now })).toBe(
    "firsthand-due-all-teams-2026-12-02.csv",
  );
});
