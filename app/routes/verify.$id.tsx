import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/status-pill";
import { getPublicCertificate } from "~/models/verification.server";

export const meta: MetaFunction = () => [
  { title: "Verify a certification · Firsthand" },
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const certificate = /^[a-z2-7]{26,64}$/.test(params.id ?? "")
    ? await getPublicCertificate({ id: params.id! })
    : null;
  if (!certificate) throw new Response("No certification has this id.", { status: 404 });
  return { certificate };
}

export default function VerifyCertificate() {
  const { certificate: c } = useLoaderData<typeof loader>();
  return (
    <section className="certificate" aria-labelledby="certificate-title">
      <p className="certificate-kicker">Firsthand certification</p>
      <h1 id="certificate-title">{c.productName}</h1>
      <p className="certificate-holder">
        Awarded to <strong>{c.holderName}</strong>
      </p>
      <p className={`certificate-verdict ${c.valid ? "is-valid" : "is-invalid"}`} role="status">
        {c.valid ? "✓ Valid: " : "✗ Not valid: "}
        {c.statusLabel}
      </p>
      <dl className="certificate-facts">
        <div>
          <dt>Issued</dt>
          <dd>{formatDate(c.issuedAt)}</dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd>{formatDate(c.expiresAt)}</dd>
        </div>
        <div>
          <dt>Certificate id</dt>
          <dd>
            <code>{c.id}</code>
          </dd>
        </div>
      </dl>
      <p className="muted small">
        This certification means the holder walked the customer&apos;s own onboarding journey for
        this product, module by module, and passed its knowledge checks.
      </p>
    </section>
  );
}
