import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { HandoffFilingForm } from "~/components/handoff-filing-form";
import { PitchVerdict } from "~/components/pitch-verdict";
import { loadCatalog, requireProduct } from "~/content/content.server";
import { getPitchEligibility } from "~/models/eligibility.server";
import { getHandoffFormSetup, submitHandoffForm } from "~/models/handoff-submission.server";
import { requireRole } from "~/utils/auth.server";
import { requireFormData } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "New handoff · Firsthand" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const rep = requireRole(request, ["rep"]);
  const slug = new URL(request.url).searchParams.get("product");
  if (!slug) {
    const catalog = await loadCatalog();
    return { choose: catalog.map((p) => ({ slug: p.slug, name: p.name })) } as const;
  }
  const product = await requireProduct({ productSlug: slug });
  const eligibility = (await getPitchEligibility({ userId: rep.id, productSlug: slug }))!;
  return { choose: null, eligibility, ...getHandoffFormSetup({ product }) } as const;
}

export async function action({ request }: ActionFunctionArgs) {
  const rep = requireRole(request, ["rep"]);
  const result = await submitHandoffForm({ rep, form: await requireFormData(request) });
  if ("filed" in result) return redirect(`/handoffs/${result.filed}`);
  return data(result, { status: result.status });
}

export default function NewHandoff() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (page.choose) {
    return (
      <div className="stack-lg narrow">
        <header className="page-header">
          <h1>New handoff</h1>
          <p className="muted">Which product did the customer buy?</p>
        </header>
        <ul className="list">
          {page.choose.map((p) => (
            <li key={p.slug}>
              <Link to={`/handoffs/new?product=${encodeURIComponent(p.slug)}`}>{p.name}</Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const { product, eligibility } = page;
  return (
    <div className="stack-lg narrow">
      <header className="page-header">
        <p className="breadcrumb">
          <Link to="/handoffs">Handoffs</Link> / New
        </p>
        <h1>Hand {product.name} over to customer success</h1>
        <p className="muted">
          What you promised, and which surprises the customer has not heard about yet, so the CSM
          starts where you left off.
        </p>
      </header>
      {eligibility.cleared ? (
        <HandoffFilingForm
          product={page.product}
          csms={page.csms}
          modules={page.modules}
          friction={page.friction}
          hasGlossary={page.hasGlossary}
          key={result ? JSON.stringify(result.values) : "empty"}
          values={result?.values}
          wording={result && "wording" in result ? result.wording : undefined}
          error={result && "error" in result ? result.error : undefined}
        />
      ) : (
        <section className="panel stack" aria-label="Why you cannot file this handoff">
          <p>
            Only a rep cleared to pitch {product.name} can hand off its deals: the CSM relies on the
            journey you were certified on.
          </p>
          <PitchVerdict eligibility={eligibility} />
          {eligibility.missingModules.length || eligibility.modulesToRefresh.length ? (
            <div className="stack-sm">
              <h2 className="small-heading">Still to take</h2>
              <ul>
                {[...eligibility.missingModules, ...eligibility.modulesToRefresh].map((m) => (
                  <li key={m.slug}>
                    <Link to={`/products/${product.slug}/${m.slug}`}>{m.title}</Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p>
              <Link to={`/products/${product.slug}`}>Go to the {product.name} track</Link>
            </p>
          )}
        </section>
      )}
    </div>
  );
}
