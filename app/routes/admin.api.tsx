import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { describeApi } from "~/api/api-reference";
import { openApiDocument } from "~/api/openapi.server";
import { ApiIntro, OperationIndex, OperationSection } from "~/components/api-reference";
import apiStyles from "~/styles/api-reference.css?url";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "API reference · Firsthand" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: apiStyles }];

/** Read from the generated document on every request, so the page is the contract as served. */
export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, ["admin"]);
  return describeApi(openApiDocument());
}

export default function AdminApiReference() {
  const api = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <p className="breadcrumb small">
          <a href="/admin/tokens">API tokens</a> / Reference
        </p>
        <h1>
          {api.title} <span className="api-version">v{api.version}</span>
        </h1>
        {api.description ? <p className="muted">{api.description}</p> : null}
      </header>
      <div className="api-overview">
        <ApiIntro api={api} />
        <OperationIndex operations={api.operations} />
      </div>
      {api.operations.map((operation) => (
        <OperationSection key={operation.id} operation={operation} />
      ))}
    </div>
  );
}
