import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CertificateCard } from "~/components/certificate-card";
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
    <CertificateCard
      certificate={c}
      facts={[{ label: "Certificate id", value: <code>{c.id}</code> }]}
    >
      <p className="muted small">
        This certification means the holder walked the customer&apos;s own onboarding journey for
        this product, module by module, and passed its knowledge checks.
      </p>
    </CertificateCard>
  );
}
