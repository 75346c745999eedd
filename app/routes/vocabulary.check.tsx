import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import {
  VocabularyCheckForm,
  VocabularyCheckResult,
  type VocabularyCheckAnswer,
} from "~/components/vocabulary-check";
import { requireUser } from "~/utils/auth.server";
import { formFields, parseFormFields, requireFormData } from "~/utils/form.server";
import { checkVocabulary, listGlossaryProducts } from "~/vocabulary/check-vocabulary.server";
import { maxCheckedTextLength } from "~/vocabulary/find-vocabulary";

export const meta: MetaFunction = () => [{ title: "Translation check · Firsthand" }];

export async function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  return { products: await listGlossaryProducts() };
}

const schema = z.object({
  text: z
    .string()
    .refine((text) => text.trim().length > 0, "Paste a text to check.")
    .refine(
      (text) => text.length <= maxCheckedTextLength,
      "The text is longer than 20,000 characters; check it in parts.",
    ),
  product: z.string().max(200).optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  requireUser(request);
  const parsed = parseFormFields(schema, formFields(await requireFormData(request)));
  if (!parsed.ok) return data<VocabularyCheckAnswer>({ error: parsed.message }, { status: 400 });
  const { text, product } = parsed.data;
  const products = await listGlossaryProducts();
  if (product && !products.some((p) => p.slug === product))
    return data<VocabularyCheckAnswer>(
      { error: "That product has no glossary to check against." },
      { status: 400 },
    );
  const matches = await checkVocabulary({ text, productSlug: product || undefined });
  return data<VocabularyCheckAnswer>({ text, product: product ?? "", matches });
}

export default function VocabularyCheck() {
  const { products } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>Translation check</h1>
        <p className="muted">
          Paste a pitch, an email or a handoff note. Every marketing phrase a product&apos;s{" "}
          <Link to="/glossary">glossary</Link> lists is marked, with the product&apos;s own term,
          what it means and the week the customer meets it.
        </p>
      </header>
      <VocabularyCheckForm
        key={answer && "text" in answer ? answer.text : "empty"}
        products={products}
        defaultText={answer && "text" in answer ? answer.text : ""}
        defaultProduct={answer && "text" in answer ? answer.product : ""}
        error={answer && "error" in answer ? answer.error : undefined}
      />
      {answer && "text" in answer ? (
        <VocabularyCheckResult text={answer.text} matches={answer.matches} />
      ) : null}
    </div>
  );
}
