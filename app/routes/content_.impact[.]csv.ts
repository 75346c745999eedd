import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireProduct } from "~/content/content.server";
import { statusLabels } from "~/models/certification-status";
import { getProductImpact } from "~/models/change-impact.server";
import { fileSlug, type CsvValue } from "~/models/csv-cells";
import { requireRole } from "~/utils/auth.server";
import { csvResponse } from "~/utils/csv-response.server";
import { canSeeChangeImpact } from "~/utils/permissions.server";

const querySchema = z.discriminatedUnion("list", [
  z.object({ list: z.literal("waiting"), product: z.string().max(200) }),
  z.object({
    list: z.enum(["bump", "refresh"]),
    product: z.string().max(200),
    module: z.string().max(500),
  }),
]);

const day = (iso: string | null) => iso?.slice(0, 10) ?? "";

/** Every rep on one of the change-impact page's lists, where the page shows the first few. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireRole(request, ["author", "admin"]);
  if (!canSeeChangeImpact(viewer)) throw new Response("Not found", { status: 404 });
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    throw new Response(
      "Ask for list=waiting&product=…, or list=bump or list=refresh with product=… and module=….",
      { status: 400 },
    );
  }
  const product = await requireProduct({ productSlug: query.data.product });
  const moduleSlug = query.data.list === "waiting" ? null : query.data.module;
  if (
    moduleSlug !== null &&
    !product.modules.some((m) => m.slug === moduleSlug && m.status !== "unavailable")
  ) {
    throw new Response("Not found", { status: 404 });
  }
  const now = new Date();
  const impact = getProductImpact({
    product,
    bumpSlug: query.data.list === "bump" ? query.data.module : null,
    now,
  });

  let header: string[];
  let records: CsvValue[][];
  if (query.data.list === "refresh") {
    const slug = query.data.module;
    const progress = impact.progress.find((p) => p.slug === slug);
    if (!progress) throw new Response("Not found", { status: 404 });
    header = ["Rep", "Email", "Module", "Status", "Lapses"];
    records = progress.due.map((d) => [
      d.name,
      d.email,
      progress.title,
      statusLabels[d.status],
      day(d.lapses),
    ]);
  } else {
    const rows = query.data.list === "bump" ? impact.bump?.reps : impact.pending.reps;
    if (!rows) throw new Response("Not found", { status: 404 });
    header = [
      "Rep",
      "Email",
      "Now",
      "After",
      "Lapses",
      "Lapses (before this change)",
      "To re-take",
    ];
    records = rows.map((r) => [
      r.name,
      r.email,
      statusLabels[r.before],
      statusLabels[r.after],
      day(r.lapses),
      day(r.lapsesBefore),
      r.modules.join("; "),
    ]);
  }

  const what =
    query.data.list === "waiting" ? "waiting" : `${query.data.list}-${query.data.module}`;
  const fileName = `firsthand-impact-${fileSlug(product.slug)}-${fileSlug(what)}-${now.toISOString().slice(0, 10)}.csv`;
  return csvResponse({ header, records, fileName });
}
