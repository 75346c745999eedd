import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { loadCatalog } from "~/content/content.server";
import { statusLabels } from "~/models/certification-status";
import { csvFileName, type CsvValue } from "~/models/csv-cells";
import { dueWindowEnd, listDueSoon } from "~/models/due-soon";
import { getLastActivity } from "~/models/rep-activity.server";
import { eachMatrixRow, listDueStatuses } from "~/models/readiness.server";
import { parseMatrixQuery } from "~/models/readiness-view";
import { resolveViewerScope } from "~/models/rep-scope.server";
import { requireRole } from "~/utils/auth.server";
import { csvResponse } from "~/utils/csv-response.server";

const kindSchema = z.enum(["matrix", "due", "reps"]);

/** The matrix (as filtered and sorted on the page, every page), the due list or the rep list. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireRole(request, ["manager", "admin"]);
  const params = new URL(request.url).searchParams;
  const kind = kindSchema.safeParse(params.get("kind") ?? "matrix");
  if (!kind.success) {
    throw new Response("Unknown export: ask for kind=matrix, due or reps.", { status: 400 });
  }
  const query = parseMatrixQuery(params);
  const { scope, team } = resolveViewerScope({ viewer, teamId: query.team });
  // A team this viewer may not see answers as one that does not exist.
  if (!scope) throw new Response("Not found", { status: 404 });
  const now = new Date();
  const products = await loadCatalog();
  const productSlugs = products.map((p) => p.slug);
  const repColumns = ["Rep", "Email", "Team"];
  const person = (rep: { name: string; email: string; teamName: string | null }) => [
    rep.name,
    rep.email,
    rep.teamName ?? "",
  ];

  let header: string[];
  let records: () => Iterable<CsvValue[]>;
  if (kind.data === "matrix") {
    const rows = eachMatrixRow({ scope, productSlugs, query });
    header = [
      ...repColumns,
      ...products.flatMap((p) => [
        `${p.name}: status`,
        `${p.name}: progress %`,
        `${p.name}: cleared to pitch`,
      ]),
    ];
    records = function* () {
      for (const row of rows)
        yield [
          ...person(row.rep),
          ...row.cells.flatMap((c) => [
            statusLabels[c.status],
            Math.round(c.progress * 100),
            c.cleared,
          ]),
        ];
    };
  } else if (kind.data === "due") {
    const due = listDueSoon({
      rows: listDueStatuses({ scope, now, until: dueWindowEnd(now) }),
      products,
      now,
    });
    header = [...repColumns, "Product", "What happens", "Date", "Days left", "Modules to re-take"];
    records = function* () {
      for (const d of due)
        yield [
          ...person(d.rep),
          d.productName,
          d.kind === "lapses" ? "Lapses" : "Expires",
          d.due.toISOString().slice(0, 10),
          d.daysLeft,
          d.modules.map((m) => m.title).join("; "),
        ];
    };
  } else {
    const activity = getLastActivity({ scope });
    header = [...repColumns, "Account", "Products cleared", "Products", "Last activity"];
    records = function* () {
      for (const row of eachMatrixRow({ scope, productSlugs, query: {} }))
        yield [
          ...person(row.rep),
          row.rep.disabled ? "disabled" : "active",
          row.cells.filter((c) => c.cleared).length,
          row.cells.length,
          activity.get(row.rep.id)?.toISOString() ?? "",
        ];
    };
  }

  const fileName = csvFileName({ kind: kind.data, teamName: team?.name ?? null, now });
  return csvResponse({ header, records: records(), fileName });
}
