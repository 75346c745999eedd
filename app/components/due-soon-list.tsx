import { Form, Link } from "@remix-run/react";
import { formatDate } from "~/utils/dates";

export type DueItemView = {
  rep: { id: string; name: string };
  productSlug: string;
  productName: string;
  kind: "lapses" | "expires";
  due: string;
  daysLeft: number;
  /** Titles of the modules to re-take. */
  modules: string[];
};

/** Certifications lapsing or expiring soon; a refresh due can be reminded by email and Slack. */
export function DueSoonList({ items, canRemind }: { items: DueItemView[]; canRemind: boolean }) {
  if (items.length === 0) {
    return <p className="muted">Nothing lapses or expires in the next 30 days.</p>;
  }
  return (
    <table className="data-table responsive-table">
      <thead>
        <tr>
          <th scope="col">Rep</th>
          <th scope="col">Product</th>
          <th scope="col">What happens</th>
          <th scope="col">Modules to re-take</th>
          {canRemind ? <th scope="col">Remind</th> : null}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={`${item.rep.id}/${item.productSlug}/${item.kind}`}>
            <th scope="row">
              <Link to={`/team/reps/${item.rep.id}`}>{item.rep.name}</Link>
            </th>
            <td data-label="Product">{item.productName}</td>
            <td data-label="What happens">
              <span className={item.kind === "lapses" ? "pill pill-warning" : "pill pill-danger"}>
                {item.kind === "lapses" ? "Lapses" : "Expires"}
              </span>
              {` ${formatDate(item.due)} · in ${item.daysLeft} ${item.daysLeft === 1 ? "day" : "days"}`}
            </td>
            <td data-label="Modules to re-take">
              {item.modules.length ? item.modules.join(", ") : "The whole track, once expired"}
            </td>
            {canRemind ? (
              <td data-label="Remind">
                {item.kind === "lapses" ? (
                  <Form method="post" action="/team">
                    <input type="hidden" name="intent" value="remind" />
                    <input type="hidden" name="repId" value={item.rep.id} />
                    <input type="hidden" name="product" value={item.productSlug} />
                    <button
                      type="submit"
                      className="button button-small"
                      aria-label={`Remind ${item.rep.name} about ${item.productName}`}
                    >
                      Remind
                    </button>
                  </Form>
                ) : (
                  <span className="muted small">Re-certify after it expires</span>
                )}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
