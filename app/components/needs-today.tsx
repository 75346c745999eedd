import { Link } from "@remix-run/react";

export type Need = {
  key: string;
  count: number;
  /** What the count is, e.g. "refreshes lapse within 7 days". */
  label: string;
  /** Said instead when the count is zero, so a clear day reads as one. */
  clear: string;
  href: string;
  action: string;
  /** A few names behind the count. */
  details?: string[];
};

/** The top of a role's home: each thing waiting on this person, with a count and the way to it. */
export function NeedsToday({ needs }: { needs: Need[] }) {
  const waiting = needs.filter((n) => n.count > 0).length;
  return (
    <section className="panel stack-sm needs-today" aria-labelledby="needs-title">
      <div className="meta-row">
        <h2 id="needs-title">Needs you today</h2>
        <span className={`pill ${waiting ? "pill-warning" : "pill-success"}`}>
          {waiting ? `${waiting} of ${needs.length} need a look` : "All clear"}
        </span>
      </div>
      <ul className="needs-list">
        {needs.map((n) => (
          <li key={n.key} className={n.count ? "need need-waiting" : "need"}>
            <span className="need-count" aria-hidden="true">
              {n.count}
            </span>
            <div className="stack-xs">
              <p>{n.count ? `${n.count} ${n.label}` : n.clear}</p>
              {n.count && n.details?.length ? (
                <ul className="small muted need-details">
                  {n.details.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              ) : null}
              <Link to={n.href} className="small">
                {n.action} →
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
