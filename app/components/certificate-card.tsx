import type { ReactNode } from "react";
import { describeValidity } from "~/models/certificate-validity";
import type { PublicCertificate } from "~/models/verification.server";
import { formatDate } from "~/utils/dates";

/** The certificate as anyone may see it; `facts` and `children` add what only its holder sees. */
export function CertificateCard({
  certificate: c,
  facts,
  children,
}: {
  certificate: PublicCertificate;
  facts?: { label: string; value: ReactNode }[];
  children?: ReactNode;
}) {
  const validity = describeValidity(c);
  const rows = [
    { label: "Issued", value: formatDate(c.issuedAt) },
    ...validity.dates,
    ...(facts ?? []),
  ];
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
      <p className="certificate-why">{validity.sentence}</p>
      <dl className="certificate-facts">
        {rows.map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      {children}
    </section>
  );
}
