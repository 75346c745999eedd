import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { User } from "#db/schema";
import { HandoffFilingForm } from "~/components/handoff-filing-form";
import { requireProduct } from "~/content/content.server";
import { formValuesOfHandoff } from "~/models/handoff-form";
import { getHandoffFormSetup, submitHandoffForm } from "~/models/handoff-submission.server";
import { getHandoffDetail } from "~/models/handoff.server";
import { requireRole } from "~/utils/auth.server";
import { requireFormData } from "~/utils/form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.accountName ?? "handoff"} · Handoffs · Firsthand` },
];

/** Only the rep who filed it edits a handoff, and only while the CSM has not acknowledged it. */
function requireEditableHandoff(rep: User, id: string | undefined) {
  const detail = id ? getHandoffDetail({ id }) : null;
  if (!detail || detail.handoff.repId !== rep.id) throw new Response("Not found", { status: 404 });
  const { state } = detail.handoff;
  if (state !== "submitted" && state !== "questioned") {
    throw new Response(
      state === "acknowledged"
        ? "This handoff is acknowledged, so it can no longer be edited: file a new one instead."
        : "This version was already replaced by a newer one.",
      { status: 409 },
    );
  }
  return detail;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const rep = requireRole(request, ["rep"]);
  const detail = requireEditableHandoff(rep, params.id);
  const product = await requireProduct({ productSlug: detail.handoff.productSlug });
  const setup = getHandoffFormSetup({ product });
  const question = detail.handoff.state === "questioned" ? detail.events.at(-1) : undefined;
  return {
    ...setup,
    id: detail.handoff.id,
    accountName: detail.handoff.accountName,
    question: question?.message ? { text: question.message, by: question.actorName } : null,
    values: formValuesOfHandoff({ ...detail, points: setup.friction }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const rep = requireRole(request, ["rep"]);
  const detail = requireEditableHandoff(rep, params.id);
  const form = await requireFormData(request);
  const result = await submitHandoffForm({ rep, form, supersedesId: detail.handoff.id });
  if ("filed" in result) return redirect(`/handoffs/${result.filed}`);
  return data(result, { status: result.status });
}

export default function EditHandoff() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="stack-lg narrow">
      <header className="page-header">
        <p className="breadcrumb">
          <Link to="/handoffs">Handoffs</Link> /{" "}
          <Link to={`/handoffs/${page.id}`}>{page.accountName}</Link> / Edit
        </p>
        <h1>Edit the {page.product.name} handoff</h1>
        <p className="muted">
          Filing the edit replaces the version the CSM has. The earlier version stays readable,
          linked from the new one.
        </p>
      </header>
      {page.question ? (
        <section className="banner banner-warning" aria-label="The CSM's question">
          <strong>{page.question.by ?? "The CSM"} asked:</strong>
          <blockquote>{page.question.text}</blockquote>
        </section>
      ) : null}
      <HandoffFilingForm
        product={page.product}
        csms={page.csms}
        modules={page.modules}
        friction={page.friction}
        hasGlossary={page.hasGlossary}
        supersedesId={page.id}
        key={result ? JSON.stringify(result.values) : "saved"}
        values={result?.values ?? page.values}
        wording={result && "wording" in result ? result.wording : undefined}
        error={result && "error" in result ? result.error : undefined}
      />
    </div>
  );
}
