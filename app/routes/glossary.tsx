import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GlossaryBrowser } from "~/components/glossary-browser";
import { loadCatalog } from "~/content/content.server";
import { moduleUrl } from "~/content/module-path";
import { requireUser } from "~/utils/auth.server";
import { glossaryAnchor } from "~/vocabulary/term-key";

export const meta: MetaFunction = () => [{ title: "Glossary · Firsthand" }];

export async function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  const products = (await loadCatalog())
    .filter((product) => product.glossary.length > 0)
    .map((product) => ({
      slug: product.slug,
      name: product.name,
      terms: product.glossary.map((term) => ({
        id: glossaryAnchor({ productSlug: product.slug, anchor: term.anchor }),
        term: term.term,
        definition: term.definition,
        replaces: term.replaces,
        week: term.module.week,
        module: {
          title: term.module.title,
          url: moduleUrl({ productSlug: product.slug, moduleSlug: term.module.slug }),
        },
      })),
    }));
  return { q, products };
}

export default function Glossary() {
  const { q, products } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>Glossary</h1>
        <p className="muted">
          The words each product uses in its own onboarding, so the customer hears the same thing
          from the first demo to the week-two sync. Each term says where the customer meets it and
          which pitch phrases it replaces. To check a draft, use the{" "}
          <Link to="/vocabulary/check">translation check</Link>.
        </p>
      </header>
      {products.length ? (
        <GlossaryBrowser key={q} products={products} initialQuery={q} />
      ) : (
        <p className="panel muted">
          No product has a glossary yet. Enablement adds one as glossary.yml beside product.yml.
        </p>
      )}
    </div>
  );
}
