import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CopyField } from "~/components/copy-field";
import { describeValidity } from "~/models/certificate-validity";
import { formatDate } from "~/utils/dates";
import { listCertificationsForUser } from "~/models/certification.server";
import { getPublicCertificate } from "~/models/verification.server";
import { requireUser } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";

export const meta: MetaFunction = () => [{ title: "My certificates · Firsthand" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const certificates = await Promise.all(
    listCertificationsForUser({ userId: user.id }).map((c) => getPublicCertificate({ id: c.id })),
  );
  return {
    appUrl: getEnv().APP_URL,
    certificates: certificates.filter((c) => c !== null),
  };
}

export default function Certificates() {
  const { certificates, appUrl } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>My certificates</h1>
        <p className="muted">
          Share a verify link with a buyer or customer success: it shows whether the certification
          is current, without signing in.
        </p>
      </header>
      {certificates.length === 0 ? (
        <p className="panel">
          No certificates yet. <Link to="/products">Pick a product</Link> and walk its track.
        </p>
      ) : (
        <ul className="card-grid" aria-label="Certificates">
          {certificates.map((c) => (
            <li key={c.id} className={`panel cert-card ${c.valid ? "" : "is-invalid"}`}>
              <h2>
                <Link to={`/certificates/${c.id}`}>{c.productName}</Link>
              </h2>
              <p>
                <span className={`pill ${c.valid ? "pill-success" : "pill-danger"}`}>
                  {c.statusLabel}
                </span>
              </p>
              <p className="muted small">
                Issued <span className="nowrap">{formatDate(c.issuedAt)}</span>.{" "}
                {describeValidity(c).sentence}
              </p>
              <div className="small stack-sm">
                <span>Verify link:</span>
                <CopyField
                  label="verify link"
                  value={`${appUrl}/verify/${c.id}`}
                  href={`/verify/${c.id}`}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
