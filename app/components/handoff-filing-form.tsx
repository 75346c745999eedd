import { Form } from "@remix-run/react";
import type { HandoffFormValues } from "~/models/handoff-form";
import type { FrictionPoint } from "~/models/handoff-journey";
import type { WordingReview } from "~/models/handoff-wording";
import { NotesField, WordingToReplace } from "./handoff-wording";

type ModuleOption = { slug: string; title: string; week: number | null };

const minPromiseRows = 4;
const weekLabel = (week: number | null) => (week === null ? "" : `Week ${week} · `);
const emptyValues: HandoffFormValues = {
  accountName: "",
  csmId: "",
  goLiveTarget: "",
  notes: "",
  promises: [],
  friction: {},
};

export function HandoffFilingForm({
  product,
  csms,
  modules,
  friction,
  hasGlossary,
  values = emptyValues,
  wording,
  supersedesId,
  error,
}: {
  product: { slug: string; name: string };
  csms: { id: string; name: string }[];
  modules: ModuleOption[];
  friction: FrictionPoint[];
  hasGlossary: boolean;
  values?: HandoffFormValues;
  /** Marketing phrases the last submit found in the notes and promises. */
  wording?: WordingReview;
  /** Set when this form edits an open handoff: filing replaces it. */
  supersedesId?: string;
  error?: string;
}) {
  const rows = Math.max(minPromiseRows, values.promises.length + 1);
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
          <input
            id="accountName"
            name="accountName"
            required
            maxLength={200}
            defaultValue={values.accountName}
          />
        </div>
        <div className="field">
          <label htmlFor="product-name">Product</label>
          <input id="product-name" value={product.name} readOnly />
        </div>
        <div className="field">
          <label htmlFor="csmId">Customer success manager</label>
          <select id="csmId" name="csmId" required defaultValue={values.csmId}>
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
          <input
            id="goLiveTarget"
            name="goLiveTarget"
            type="date"
            required
            defaultValue={values.goLiveTarget}
          />
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
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="handoff-promise-row">
            <div className="field">
              <label htmlFor={`promiseText-${i}`}>Promise {i + 1}</label>
              <input
                id={`promiseText-${i}`}
                name="promiseText"
                maxLength={500}
                defaultValue={values.promises[i]?.text}
              />
            </div>
            <div className="field">
              <label htmlFor={`promiseModule-${i}`}>Seen in</label>
              <select
                id={`promiseModule-${i}`}
                name="promiseModule"
                defaultValue={values.promises[i]?.moduleSlug ?? ""}
              >
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
      <FrictionQuestions product={product} friction={friction} answers={values.friction} />
      <NotesField product={product} hasGlossary={hasGlossary} defaultValue={values.notes} />
      {wording?.length ? <WordingToReplace wording={wording} /> : null}
      <div className="inline-form">
        <button type="submit" className="button button-primary">
          {wording?.length
            ? "Check again and file"
            : supersedesId
              ? "File the edit"
              : "File handoff"}
        </button>
        {wording?.length ? (
          <button type="submit" name="wording" value="kept" className="button">
            File with this wording
          </button>
        ) : null}
      </div>
    </Form>
  );
}

function FrictionQuestions({
  product,
  friction,
  answers,
}: {
  product: { name: string };
  friction: FrictionPoint[];
  answers: HandoffFormValues["friction"];
}) {
  return (
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
                    <input
                      type="radio"
                      name={`friction:${point.key}`}
                      value="told"
                      required
                      defaultChecked={answers[point.key] === "told"}
                    />{" "}
                    Customer was told
                  </label>
                  <label className="checkbox">
                    <input
                      type="radio"
                      name={`friction:${point.key}`}
                      value="not_discussed"
                      id={`friction-${i}-no`}
                      defaultChecked={answers[point.key] === "not_discussed"}
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
  );
}
