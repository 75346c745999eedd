import { Form } from "@remix-run/react";
import type { FrictionPoint } from "~/models/handoff-journey";

type ModuleOption = { slug: string; title: string; week: number | null };

const promiseRows = 4;
const weekLabel = (week: number | null) => (week === null ? "" : `Week ${week} · `);

export function HandoffFilingForm({
  product,
  csms,
  modules,
  friction,
  error,
}: {
  product: { slug: string; name: string };
  csms: { id: string; name: string }[];
  modules: ModuleOption[];
  friction: FrictionPoint[];
  error?: string;
}) {
  return (
    <Form method="post" className="stack-lg" aria-label="Handoff">
      {error ? (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      ) : null}
      <input type="hidden" name="product" value={product.slug} />
      <section className="panel stack">
        <h2 className="small-heading">The deal</h2>
        <div className="field">
          <label htmlFor="accountName">Account name</label>
          <input id="accountName" name="accountName" required maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="product-name">Product</label>
          <input id="product-name" value={product.name} readOnly />
        </div>
        <div className="field">
          <label htmlFor="csmId">Customer success manager</label>
          <select id="csmId" name="csmId" required defaultValue="">
            <option value="" disabled>
              Choose…
            </option>
            {csms.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="goLiveTarget">Go-live target</label>
          <input id="goLiveTarget" name="goLiveTarget" type="date" required />
        </div>
      </section>
      <section className="panel stack" aria-labelledby="promises-title">
        <h2 id="promises-title" className="small-heading">
          What you promised
        </h2>
        <p className="muted small">
          Each promise tied to the module, and so the week, where the customer will see it. Leave
          rows you do not need empty.
        </p>
        {Array.from({ length: promiseRows }, (_, i) => (
          <div key={i} className="handoff-promise-row">
            <div className="field">
              <label htmlFor={`promiseText-${i}`}>Promise {i + 1}</label>
              <input id={`promiseText-${i}`} name="promiseText" maxLength={500} />
            </div>
            <div className="field">
              <label htmlFor={`promiseModule-${i}`}>Seen in</label>
              <select id={`promiseModule-${i}`} name="promiseModule" defaultValue="">
                <option value="">Choose a module…</option>
                {modules.map((m) => (
                  <option key={m.slug} value={m.slug}>
                    {weekLabel(m.week)}
                    {m.title}
                  </option>
                ))}
              </select>
            </div>
          </div>
        ))}
      </section>
      <section className="panel stack" aria-labelledby="friction-title">
        <h2 id="friction-title" className="small-heading">
          Friction the customer will meet
        </h2>
        {friction.length === 0 ? (
          <p className="muted">The {product.name} modules list no friction points.</p>
        ) : (
          <ul className="list handoff-friction-list">
            {friction.map((point, i) => (
              <li key={point.key}>
                <fieldset className="plain-fieldset">
                  <legend>
                    {point.text} <span className="muted small">· {point.moduleTitle}</span>
                  </legend>
                  <div className="inline-form">
                    <label className="checkbox">
                      <input type="radio" name={`friction:${point.key}`} value="told" required />{" "}
                      Customer was told
                    </label>
                    <label className="checkbox">
                      <input
                        type="radio"
                        name={`friction:${point.key}`}
                        value="not_discussed"
                        id={`friction-${i}-no`}
                      />{" "}
                      Not discussed
                    </label>
                  </div>
                </fieldset>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel stack">
        <div className="field">
          <label htmlFor="notes">Notes for the CSM</label>
          <textarea id="notes" name="notes" rows={4} maxLength={5000} />
        </div>
      </section>
      <div>
        <button type="submit" className="button button-primary">
          File handoff
        </button>
      </div>
    </Form>
  );
}
