import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionResult } from "~/components/action-result";
import { ProgressBar } from "~/components/pitch-verdict";
import { StatusPill } from "~/components/status-pill";
import { loadCatalog, requireProduct } from "~/content/content.server";
import { getProductOverviews } from "~/models/dashboard.server";
import { getTeamLedBy } from "~/models/team.server";
import { grantRetake } from "~/models/retake.server";
import { getUserById, listTeamMembers } from "~/models/user.server";
import { requireRole } from "~/utils/auth.server";
import { formFields, parseFormFields, requireFormData } from "~/utils/form.server";
import { requirePersonVisible } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "My team · Firsthand" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const manager = requireRole(request, ["manager"]);
  const team = getTeamLedBy({ managerId: manager.id });
  const reps = team ? listTeamMembers({ teamId: team.id }).filter((u) => u.role === "rep") : [];
  const products = await loadCatalog();
  return {
    teamName: team?.name ?? null,
    products: products.map((p) => ({ slug: p.slug, name: p.name })),
    reps: reps.map((rep) => ({
      id: rep.id,
      name: rep.name,
      email: rep.email,
      disabled: rep.disabled,
      products: getProductOverviews({ userId: rep.id, products }).map((o) => ({
        slug: o.slug,
        status: o.eligibility.status,
        name: o.name,
        cleared: o.eligibility.cleared,
        retakeNeeded: o.retakeNeeded,
        progress: o.progress,
        reasons: o.eligibility.reasons,
      })),
    })),
  };
}

const retakeSchema = z.object({
  intent: z.literal("grant-retake", { errorMap: () => ({ message: "Unknown action." }) }),
  repId: z.string().min(1).max(100),
  product: z.string().min(1).max(200),
});

type RetakeResult = { error?: string; notice?: string };

export async function action({ request }: ActionFunctionArgs) {
  const manager = requireRole(request, ["manager"]);
  const parsed = parseFormFields(retakeSchema, formFields(await requireFormData(request)));
  if (!parsed.ok) return data<RetakeResult>({ error: parsed.message }, { status: 400 });
  const rep = requirePersonVisible({
    viewer: manager,
    subject: getUserById({ id: parsed.data.repId }),
  });
  if (rep.id === manager.id) {
    return data<RetakeResult>({ error: "You cannot grant yourself a re-take." }, { status: 403 });
  }
  const product = await requireProduct({ productSlug: parsed.data.product });
  const result = grantRetake({ userId: rep.id, product, grantedById: manager.id });
  if (!result.ok) return data<RetakeResult>({ error: result.message }, { status: 409 });
  return data<RetakeResult>({
    notice: `${rep.name} may now re-take ${product.name}; their first attempts count again from now.`,
  });
}

export default function Team() {
  const { teamName, reps, products } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{teamName ?? "My team"}</h1>
        <p className="muted">
          {teamName
            ? `${reps.length} reps. Who is cleared to pitch which product, and how far along each track they are.`
            : "You do not lead a team yet. Ask an admin to assign one."}
        </p>
        {teamName ? (
          <p className="small">
            <Link to="/team/notifications">Slack notifications for {teamName}</Link>
          </p>
        ) : null}
      </header>
      <ActionResult error={result?.error} notice={result?.notice} />
      {reps.length ? (
        <section className="panel table-wrap" aria-label="Team status">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Rep</th>
                {products.map((p) => (
                  <th scope="col" key={p.slug}>
                    {p.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {reps.map((rep) => (
                <tr key={rep.id} className={rep.disabled ? "row-muted" : undefined}>
                  <th scope="row">
                    {rep.name}
                    <br />
                    <span className="muted small">{rep.email}</span>
                  </th>
                  {rep.products.map((p) => (
                    <td key={p.slug} title={p.reasons.join(" ")}>
                      <div className="stack-sm">
                        <StatusPill status={p.status} />
                        <ProgressBar value={p.progress} label={`${rep.name}: ${p.slug} progress`} />
                        <span className="small muted">
                          {p.cleared ? "Cleared to pitch" : "Not cleared"}
                        </span>
                        {p.retakeNeeded ? (
                          <Form method="post" className="stack-sm">
                            <span className="small">Track done below the pass mark.</span>
                            <input type="hidden" name="intent" value="grant-retake" />
                            <input type="hidden" name="repId" value={rep.id} />
                            <input type="hidden" name="product" value={p.slug} />
                            <button
                              type="submit"
                              className="button button-small"
                              aria-label={`Grant ${rep.name} a re-take of ${p.name}`}
                            >
                              Grant a re-take
                            </button>
                          </Form>
                        ) : null}
                      </div>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
