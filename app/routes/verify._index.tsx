import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { formFields, parseFormFields, requireFormData } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Verify a certification · Firsthand" }];

const schema = z.object({
  reference: z.string().trim().min(1, "Paste a verify link or id.").max(2048),
});

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseFormFields(schema, formFields(await requireFormData(request)));
  if (!parsed.ok) return data({ error: parsed.message }, { status: 400 });
  const id = parsed.data.reference.split("/").filter(Boolean).at(-1)?.toLowerCase() ?? "";
  if (!/^[a-z2-7]{26,64}$/.test(id)) {
    return data(
      { error: "That does not look like a Firsthand verify link or id." },
      { status: 400 },
    );
  }
  return redirect(`/verify/${id}`);
}

export default function VerifyIndex() {
  const result = useActionData<typeof action>();
  return (
    <section className="panel narrow stack" aria-labelledby="verify-title">
      <h1 id="verify-title">Verify a certification</h1>
      <p className="muted">
        Paste the verify link a rep shared (or just its id) to see whether their certification is
        current.
      </p>
      <Form method="post" className="stack">
        <div className="field">
          <label htmlFor="reference">Verify link or id</label>
          <input id="reference" name="reference" required placeholder="https://…/verify/…" />
        </div>
        {result?.error ? (
          <p className="form-error" role="alert">
            {result.error}
          </p>
        ) : null}
        <button type="submit" className="button button-primary">
          Check
        </button>
      </Form>
    </section>
  );
}
