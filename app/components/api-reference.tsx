import { Fragment, type ReactNode } from "react";
import type {
  ApiReference,
  OperationEntry,
  ParameterRow,
  ResponseEntry,
} from "~/api/api-reference";
import type { FieldRow } from "~/api/schema-fields";

/** Text from the document, with its `backticks` shown as code. */
function Prose({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/(`[^`]+`)/)
        .map((part, i) =>
          part.startsWith("`") && part.endsWith("`") && part.length > 1 ? (
            <code key={i}>{part.slice(1, -1)}</code>
          ) : (
            <Fragment key={i}>{part}</Fragment>
          ),
        )}
    </>
  );
}

export function MethodBadge({ method }: { method: string }) {
  return <span className={`method method-${method.toLowerCase()}`}>{method}</span>;
}

function statusTone(status: string) {
  if (status.startsWith("2")) return "pill-success";
  if (status === "401" || status === "403") return "pill-danger";
  return "pill-warning";
}

function TypeFacts({
  type,
  nullable,
  values,
  constraints,
}: {
  type: string;
  nullable?: boolean;
  values: string[] | null;
  constraints: string[];
}) {
  return (
    <>
      <span className="api-type">
        {type}
        {nullable ? " or null" : ""}
      </span>
      {values?.length === 1 ? (
        <span className="api-facts">
          always <code>{values[0]}</code>
        </span>
      ) : values ? (
        <span className="api-facts">
          one of{" "}
          {values.map((v, i) => (
            <Fragment key={v}>
              {i ? ", " : ""}
              <code>{v}</code>
            </Fragment>
          ))}
        </span>
      ) : null}
      {constraints.length ? <span className="api-facts">{constraints.join("; ")}</span> : null}
    </>
  );
}

type Direction = "request" | "response";

/** What a client must send, or what it can count on getting back. */
function RequiredTag({ required, direction }: { required: boolean; direction: Direction }) {
  if (direction === "response")
    return required ? null : <span className="api-optional">may be absent</span>;
  return required ? (
    <span className="api-required">required</span>
  ) : (
    <span className="api-optional">optional</span>
  );
}

function ParameterTable({ parameters }: { parameters: ParameterRow[] }) {
  return (
    <table className="data-table api-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">In</th>
          <th scope="col">Type</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>
        {parameters.map((p) => (
          <tr key={`${p.in}-${p.name}`}>
            <td data-label="Name">
              <code className="api-field">{p.name}</code>{" "}
              <RequiredTag required={p.required} direction="request" />
            </td>
            <td data-label="In">{p.in}</td>
            <td data-label="Type">
              <TypeFacts type={p.type} values={p.values} constraints={p.constraints} />
            </td>
            <td data-label="Description" className={p.description ? undefined : "api-none"}>
              {p.description ? <Prose text={p.description} /> : "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A body's fields; the shapes of a one-of each start with a row naming the shape. */
export function FieldTable({
  fields,
  caption,
  direction,
}: {
  fields: FieldRow[];
  caption: string;
  direction: Direction;
}) {
  const rows: ReactNode[] = [];
  let variant: string | null = null;
  for (const [i, field] of fields.entries()) {
    if (field.variant !== variant && field.variant) {
      rows.push(
        <tr key={`variant-${i}`} className="api-variant">
          <td colSpan={3}>
            {field.name.replace(/\.[^.]*$/, "")} as <strong>{field.variant}</strong>
          </td>
        </tr>,
      );
    }
    variant = field.variant;
    rows.push(
      <tr key={i}>
        <td data-label="Field" className={`api-depth-${Math.min(field.depth, 4)}`}>
          <code className="api-field">{field.name}</code>{" "}
          <RequiredTag required={field.required} direction={direction} />
        </td>
        <td data-label="Type">
          <TypeFacts
            type={field.type}
            nullable={field.nullable}
            values={field.values}
            constraints={field.constraints}
          />
        </td>
        <td data-label="Description" className={field.description ? undefined : "api-none"}>
          {field.description ? <Prose text={field.description} /> : "—"}
        </td>
      </tr>,
    );
  }
  return (
    <table className="data-table api-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Type</th>
          <th scope="col">Description</th>
        </tr>
      </thead>
      <tbody>{rows}</tbody>
    </table>
  );
}

function ResponseBlock({ response, operation }: { response: ResponseEntry; operation: string }) {
  return (
    <li className="api-response">
      <div className="api-response-head">
        <span className={`pill ${statusTone(response.status)}`}>{response.status}</span>
        <span>
          <Prose text={response.description} />
        </span>
        {response.schemaName ? (
          <code className="api-schema-name">{response.schemaName}</code>
        ) : null}
      </div>
      {response.sameBodyAs ? (
        <p className="muted small">The same body as {response.sameBodyAs}.</p>
      ) : response.fields.length ? (
        <FieldTable
          direction="response"
          fields={response.fields}
          caption={`Fields of the ${response.status} response of ${operation}`}
        />
      ) : response.schemaName ? null : (
        <p className="muted small">No body.</p>
      )}
    </li>
  );
}

export function OperationSection({ operation }: { operation: OperationEntry }) {
  const name = `${operation.method} ${operation.path}`;
  const titleId = `${operation.id}-title`;
  return (
    <section id={operation.id} className="panel api-operation" aria-labelledby={titleId}>
      <header className="api-operation-head">
        <h2 id={titleId} className="api-endpoint">
          <MethodBadge method={operation.method} />
          <code>{operation.path}</code>
        </h2>
        {operation.summary ? <p className="api-summary">{operation.summary}</p> : null}
        <p className="api-scope">
          Scope{" "}
          {operation.scopes.length ? (
            operation.scopes.map((scope) => (
              <code key={scope} className="api-scope-name">
                {scope}
              </code>
            ))
          ) : (
            <span className="muted">none</span>
          )}
        </p>
      </header>
      {operation.description ? (
        <p className="api-description">
          <Prose text={operation.description} />
        </p>
      ) : null}

      {operation.parameters.length ? (
        <div className="api-block">
          <h3>Parameters</h3>
          <div className="table-wrap">
            <ParameterTable parameters={operation.parameters} />
          </div>
        </div>
      ) : null}

      {operation.requestBody ? (
        <div className="api-block">
          <h3>
            Request body{" "}
            <span className="muted small">
              {operation.requestBody.contentType}
              {operation.requestBody.schemaName ? ` · ${operation.requestBody.schemaName}` : ""}
            </span>
          </h3>
          <div className="table-wrap">
            <FieldTable
              direction="request"
              fields={operation.requestBody.fields}
              caption={`Request body of ${name}`}
            />
          </div>
        </div>
      ) : null}

      <div className="api-block">
        <h3>Responses</h3>
        <ul className="api-responses">
          {operation.responses.map((response) => (
            <ResponseBlock key={response.status} response={response} operation={name} />
          ))}
        </ul>
      </div>

      <div className="api-block">
        <h3>Example</h3>
        <pre className="api-curl" aria-label={`curl example for ${name}`}>
          <code>{operation.curl}</code>
        </pre>
      </div>
    </section>
  );
}

export function OperationIndex({ operations }: { operations: OperationEntry[] }) {
  return (
    <nav className="panel api-index" aria-labelledby="api-index-title">
      <h2 id="api-index-title" className="small-heading">
        Endpoints
      </h2>
      <ul className="list">
        {operations.map((o) => (
          <li key={o.id}>
            <a href={`#${o.id}`} className="api-index-link">
              <MethodBadge method={o.method} />
              <code>{o.path}</code>
            </a>
            {o.summary ? <span className="muted small">{o.summary}</span> : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ApiIntro({ api }: { api: ApiReference }) {
  return (
    <section className="panel api-intro" aria-labelledby="api-intro-title">
      <h2 id="api-intro-title" className="small-heading">
        Calling the API
      </h2>
      <ul className="api-intro-list">
        <li>
          Every call sends an API token as <code>Authorization: Bearer &lt;token&gt;</code>. Create
          one on <a href="/admin/tokens">API tokens</a> (or with <code>npm run token:create</code>);
          it is shown once, so keep it in your CRM&rsquo;s secret store. The examples read it from{" "}
          <code>$FIRSTHAND_TOKEN</code>.
        </li>
        <li>
          A token carries scopes; each endpoint below names the one it needs. Without a live token
          the answer is <strong>401</strong>, without the scope <strong>403</strong>.
        </li>
        <li>
          Errors are JSON <code>{'{ "error": "…" }'}</code> with one sentence naming the field and
          what is wrong with it.
        </li>
        <li>
          A response field is always there unless it says <em>may be absent</em>; one that can be
          empty says <em>or null</em>.
        </li>
        <li>
          Base URL <code>{api.serverUrl}</code>. The same contract, machine-readable as OpenAPI 3.1,
          is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
        </li>
      </ul>
    </section>
  );
}
