import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionResult } from "~/components/action-result";
import { HandoffAnswerForms } from "~/components/handoff-answer-forms";
import { HandoffJourney } from "~/components/handoff-journey";
import { getProduct } from "~/content/content.server";
import { getCertificationById } from "~/models/certification.server";
import { handoffEventLabels, handoffStateLabels, needsMove } from "~/models/handoff-labels";
import {
  answerHandoff,
  canViewHandoff,
  getHandoffDetail,
  getSuccessor,
} from "~/models/handoff.server";
import { requireUser } from "~/utils/auth.server";
import { formatDate, formatDateTime } from "~/utils/dates";
import { formFields, parseFormFields, requireFormData } from "~/utils/form.server";
import handoffStyles from "~/styles/handoffs.css?url";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.handoff.accountName ?? "Handoff"} · Handoffs · Firsthand` },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: handoffStyles }];

function requireVisibleHandoff(request: Request, id: string | undefined) {
  const viewer = requireUser(request);
  const detail = id ? getHandoffDetail({ id }) : null;
  // 404, not 403: nobody learns which handoffs exist outside what they may see.
  if (!detail || !canViewHandoff({ viewer, detail })) {
    throw new Response("Not found", { status: 404 });
  }
  return { viewer, detail };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, detail } = requireVisibleHandoff(request, params.id);
  const product = await getProduct({ productSlug: detail.handoff.productSlug });
  const { handoff, rep, csm } = detail;
  const certification = getCertificationById({ id: handoff.certificationId });
  return {
    handoff: {
      id: handoff.id,
      accountName: handoff.accountName,
      productName: product?.name ?? handoff.productSlug,
      goLiveTarget: handoff.goLiveTarget,
      state: handoff.state,
      notes: handoff.notes,
      createdAt: handoff.createdAt.toISOString(),
      supersedesId: handoff.supersedesId,
      supersededById: getSuccessor({ id: handoff.id })?.id ?? null,
    },
    rep: { name: rep.name },
    csm: { name: csm.name },
    // Not the id: it is the capability to the public verify page, and stays with its holder.
    certification: certification && {
      state: certification.state,
      issuedAt: certification.issuedAt.toISOString(),
      expiresAt: certification.expiresAt.toISOString(),
      modules: certification.modules.map((m) => ({ title: m.title, revision: m.revision })),
    },
    modules: detail.modules,
    promises: detail.promises,
    friction: detail.friction,
    events: detail.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      message: e.message,
      actorName: e.actorName,
      at: e.at.toISOString(),
    })),
    viewerSide:
      viewer.id === handoff.csmId
        ? ("csm" as const)
        : viewer.id === handoff.repId
          ? ("rep" as const)
          : null,
    needsYou: needsMove({ ...handoff, viewerId: viewer.id }),
  };
}

const message = z
  .string()
  .trim()
  .min(1, "Write your message.")
  .max(2000, "Keep the message under 2,000 characters.");
const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("acknowledge") }),
  z.object({ intent: z.literal("question"), message }),
  z.object({ intent: z.literal("reply"), message }),
]);

type AnswerResult = { error?: string; notice?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, detail } = requireVisibleHandoff(request, params.id);
  const form = await requireFormData(request);
  const parsed = parseFormFields(schema, formFields(form));
  if (!parsed.ok) return data<AnswerResult>({ error: parsed.message }, { status: 400 });
  const input = parsed.data;
  const kind =
    input.intent === "acknowledge"
      ? "acknowledged"
      : input.intent === "question"
        ? "questioned"
        : "replied";
  const result = answerHandoff({
    handoffId: detail.handoff.id,
    actor: viewer,
    kind,
    message: input.intent === "acknowledge" ? null : input.message,
  });
  if (!result.ok) return data<AnswerResult>({ error: result.message }, { status: result.status });
  const notices = {
    acknowledged: `Acknowledged. ${detail.rep.name} has been told.`,
    questioned: `Sent back to ${detail.rep.name} with your question.`,
    replied: `Reply sent to ${detail.csm.name}.`,
  };
  return data<AnswerResult>({ notice: notices[kind] });
}

export default function HandoffPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { handoff } = page;
  const untold = page.friction.filter((f) => !f.told);
  const state = handoffStateLabels[handoff.state];
  return (
    <div className="stack-lg handoff-page">
      <header className="page-header">
        <p className="breadcrumb no-print">
          <Link to="/handoffs">Handoffs</Link> / {handoff.accountName}
        </p>
        <div className="spread">
          <h1>{handoff.accountName}</h1>
          <span className={`pill ${state.tone}`}>{state.label}</span>
        </div>
        <p className="muted">
          {handoff.productName} · {page.rep.name} → {page.csm.name} · go-live{" "}
          {formatDate(handoff.goLiveTarget)} · filed {formatDate(handoff.createdAt)}
        </p>
        <p className="no-print">
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={() => window.print()}
          >
            Print
          </button>
        </p>
      </header>
      <ActionResult error={result?.error} notice={result?.notice} />
      <VersionLinks
        handoff={handoff}
        editable={
          page.viewerSide === "rep" &&
          (handoff.state === "submitted" || handoff.state === "questioned")
        }
      />
      {untold.length ? (
        <section className="friction-box" aria-label="Not discussed with the customer">
          <strong>
            {untold.length === 1
              ? "1 friction point was not discussed with the customer:"
              : `${untold.length} friction points were not discussed with the customer:`}
          </strong>
          <ul>
            {untold.map((f, i) => (
              <li key={i}>{f.text}</li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="banner banner-success">The customer was told of every friction point.</p>
      )}
      {page.viewerSide ? (
        <HandoffAnswerForms side={page.viewerSide} state={handoff.state} needsYou={page.needsYou} />
      ) : null}
      <section className="stack" aria-labelledby="journey-title">
        <h2 id="journey-title">The journey</h2>
        <HandoffJourney modules={page.modules} promises={page.promises} friction={page.friction} />
      </section>
      {handoff.notes ? (
        <section className="panel stack-sm" aria-labelledby="notes-title">
          <h2 id="notes-title" className="small-heading">
            Notes from {page.rep.name}
          </h2>
          <p className="handoff-notes">{handoff.notes}</p>
        </section>
      ) : null}
      <section className="panel stack-sm" aria-labelledby="cert-title">
        <h2 id="cert-title" className="small-heading">
          {page.rep.name}&apos;s certification
        </h2>
        {page.certification ? (
          <>
            <p>
              Issued {formatDate(page.certification.issuedAt)}, valid until{" "}
              {formatDate(page.certification.expiresAt)}
              {page.certification.state === "superseded" ? " (since renewed)" : ""}
            </p>
            <p className="muted small">
              Bound to:{" "}
              {page.certification.modules.map((m) => `${m.title} (rev. ${m.revision})`).join(", ")}
            </p>
          </>
        ) : (
          <p className="muted">The certification is no longer on record.</p>
        )}
      </section>
      <section className="panel stack-sm" aria-labelledby="history-title">
        <h2 id="history-title" className="small-heading">
          History
        </h2>
        <ol className="handoff-history">
          {page.events.map((e) => (
            <li key={e.id}>
              <span className="muted small">{formatDateTime(e.at)}</span> ·{" "}
              <strong>{e.actorName ?? "Someone"}</strong> {handoffEventLabels[e.kind]}
              {e.message ? <blockquote>{e.message}</blockquote> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function VersionLinks({
  handoff,
  editable,
}: {
  handoff: { id: string; supersedesId: string | null; supersededById: string | null };
  editable: boolean;
}) {
  if (!handoff.supersedesId && !handoff.supersededById && !editable) return null;
  return (
    <div className="stack-sm no-print">
      {handoff.supersededById ? (
        <p className="banner banner-warning">
          This version was replaced by an edit.{" "}
          <Link to={`/handoffs/${handoff.supersededById}`}>Read the current version</Link>
        </p>
      ) : null}
      {handoff.supersedesId ? (
        <p className="muted small">
          This is an edited version.{" "}
          <Link to={`/handoffs/${handoff.supersedesId}`}>Read the earlier one</Link>
        </p>
      ) : null}
      {editable ? (
        <p>
          <Link to={`/handoffs/${handoff.id}/edit`} className="button button-small">
            Edit this handoff
          </Link>
        </p>
      ) : null}
    </div>
  );
}
