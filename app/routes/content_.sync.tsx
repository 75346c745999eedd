import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ActionResult } from "~/components/action-result";
import { listContentSources, syncContentNow } from "~/content/content-sync-page.server";
import { requireRole } from "~/utils/auth.server";
import { formFields, parseFormFields, requireFormData } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Sync content · Firsthand" }];

export async function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, ["admin"]);
  return { sources: await listContentSources() };
}

const schema = z.object({ intent: z.literal("sync") });

type SyncResult = Awaited<ReturnType<typeof syncContentNow>> | { error: string };

export async function action({ request }: ActionFunctionArgs) {
  requireRole(request, ["admin"]);
  const parsed = parseFormFields(schema, formFields(await requireFormData(request)));
  if (!parsed.ok) return data<SyncResult>({ error: parsed.message }, { status: 400 });
  const result = await syncContentNow();
  return data<SyncResult>(result, { status: result.ok ? 200 : 422 });
}

export default function ContentSync() {
  const { sources } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const syncing = useNavigation().formData?.get("intent") === "sync";
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>Sync content</h1>
        <p className="muted">
          Products whose <code>product.yml</code> names a <code>source</code> are pulled from their
          git repository, then built as usual: a module that fails to compile keeps serving its last
          good version. The same as <code>npm run content:sync</code>.{" "}
          <Link to="/content">Content status</Link>
        </p>
      </header>
      <ActionResult error={result && "error" in result ? result.error : undefined} />
      {result && "lines" in result ? (
        <div className={`banner ${result.ok ? "banner-success" : "banner-error"}`} role="status">
          <p>{result.ok ? "Sync done." : "Sync finished with problems."}</p>
          <ul className="small">
            {result.lines.map((line, i) => (
              <li key={i}>
                <code>{line}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <section className="panel stack" aria-labelledby="sources-title">
        <h2 id="sources-title" className="small-heading">
          Sources
        </h2>
        {sources.length ? (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">Repository</th>
                  <th scope="col">Last synced commit</th>
                </tr>
              </thead>
              <tbody>
                {sources.map((s) => (
                  <tr key={s.slug}>
                    <td>{s.name}</td>
                    <td>
                      {s.source ? (
                        <code className="small">
                          {s.source.repo} {s.source.ref}:{s.source.path}
                        </code>
                      ) : (
                        <span className="muted">{s.problem ?? "No source: edited in place"}</span>
                      )}
                    </td>
                    <td>
                      {s.commit ? (
                        <code title={s.commit}>{s.commit.slice(0, 12)}</code>
                      ) : (
                        <span className="muted">never</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">No products.</p>
        )}
        <Form method="post">
          <input type="hidden" name="intent" value="sync" />
          <button type="submit" className="button button-primary" disabled={syncing}>
            {syncing ? "Syncing…" : "Sync now"}
          </button>
        </Form>
      </section>
    </div>
  );
}
