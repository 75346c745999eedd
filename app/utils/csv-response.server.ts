import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { csvOptions, safeCsvCell, type CsvValue } from "~/models/csv-cells";

/**
 * A CSV download: a header row, then the records as the client reads them, so a large export never
 * sits whole in memory as text. Every cell is made safe from spreadsheet formulas.
 */
export function csvResponse({
  header,
  records,
  fileName,
}: {
  header: string[];
  records: Iterable<CsvValue[]>;
  fileName: string;
}) {
  const csv = stringify(csvOptions);
  Readable.from(
    (function* () {
      yield header.map(safeCsvCell);
      for (const record of records) yield record.map(safeCsvCell);
    })(),
  ).pipe(csv);
  return new Response(Readable.toWeb(csv) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
