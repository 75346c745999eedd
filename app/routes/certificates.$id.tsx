import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CertificateCard } from "~/components/certificate-card";
import { CopyField } from "~/components/copy-field";
import { formatDate } from "~/utils/dates";
import { getCertificationById } from "~/models/certification.server";
import { getPublicCertificate } from "~/models/verification.server";
import { requireUser } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";

export const meta: MetaFunction = () => [{ title: "Certificate · Firsthand" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const certification = getCertificationById({ id: params.id ?? "" });
  // Someone else's certificate is "not found" here; the public verify page is the way to share it.
  if (!certification || certification.userId !== user.id) {
    throw new Response("Not found", { status: 404 });
  }
  const summary = await getPublicCertificate({ id: certification.id });
  if (!summary) throw new Response("Not found", { status: 404 });
  return {
    summary,
    score: certification.score,
    refreshedAt: certification.refreshedAt?.toISOString() ?? null,
    modules: certification.modules,
    productSlug: certification.productSlug,
    verifyUrl: `${getEnv().APP_URL}/verify/${certification.id}`,
  };
}

export default function Certificate() {
  const { summary, score, refreshedAt, modules, productSlug, verifyUrl } =
    useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <CertificateCard
        certificate={summary}
        facts={[
          { label: "First-attempt score", value: `${Math.round(score * 100)}%` },
          ...(refreshedAt ? [{ label: "Last refreshed", value: formatDate(refreshedAt) }] : []),
        ]}
      >
        <div className="small stack-sm">
          <span>Verify link (works without signing in):</span>
          <CopyField label="verify link" value={verifyUrl} />
        </div>
      </CertificateCard>
      <section className="panel" aria-labelledby="covers-title">
        <h2 id="covers-title">What this certification covers</h2>
        <p className="muted small">Each module at the exact revision you walked.</p>
        <ol className="covers-list">
          {modules.map((m) => (
            <li key={m.slug}>
              <Link to={`/products/${productSlug}/${m.slug}`}>{m.title}</Link>{" "}
              <span className="muted small">revision {m.revision}</span>
            </li>
          ))}
        </ol>
        <details className="fingerprints">
          <summary className="small">Details: the exact sources (for audits)</summary>
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Module</th>
                  <th scope="col">Revision</th>
                  <th scope="col">Source sha256</th>
                </tr>
              </thead>
              <tbody>
                {modules.map((m) => (
                  <tr key={m.slug}>
                    <td>{m.title}</td>
                    <td>{m.revision}</td>
                    <td>
                      <code title={m.sourceHash}>{m.sourceHash.slice(0, 12)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>
    </div>
  );
}
