/** Pure: CSV cells a spreadsheet will not run as formulas (OWASP's CSV injection advice). */

const formulaStart = /^[=+\-@\t\r]/;

export function safeCsvText(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

export type CsvValue = string | number | boolean | null;

/** Text is escaped; numbers stay numbers so they sum in a spreadsheet. */
export function safeCsvCell(value: CsvValue): string | number {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return value;
  return safeCsvText(value);
}

/** "Team North" → "team-north", for file names. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "team"
  );
}

export function csvFileName({
  kind,
  teamName,
  now,
}: {
  kind: string;
  teamName: string | null;
  now: Date;
}) {
  const who = teamName ? fileSlug(teamName) : "all-teams";
  return `firsthand-${kind}-${who}-${now.toISOString().slice(0, 10)}.csv`;
}

/**
 * RFC 4180: CRLF between records, and any field holding a line break quoted (csv-stringify only
 * quotes the record delimiter itself, so a lone "\n" would otherwise split a row). The BOM lets
 * Excel read UTF-8.
 */
export const csvOptions = {
  record_delimiter: "windows",
  quoted_match: /[\r\n]/,
  bom: true,
} as const;
