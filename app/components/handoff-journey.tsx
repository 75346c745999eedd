import type { ModuleSnapshot } from "~/models/handoff-journey";

type Promise = { text: string; moduleSlug: string; week: number | null };
type Friction = { moduleSlug: string; text: string; told: boolean };

function weeksOf(modules: ModuleSnapshot[]) {
  const weeks = new Map<number | null, ModuleSnapshot[]>();
  for (const m of modules) weeks.set(m.week, [...(weeks.get(m.week) ?? []), m]);
  return [...weeks.entries()].sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity));
}

/** The customer's journey week by week, with what was promised and which friction was told. */
export function HandoffJourney({
  modules,
  promises,
  friction,
}: {
  modules: ModuleSnapshot[];
  promises: Promise[];
  friction: Friction[];
}) {
  return (
    <ol className="list handoff-journey">
      {weeksOf(modules).map(([week, list]) => (
        <li key={week ?? "any"} className="panel stack-sm">
          <h3 className="week-title">{week === null ? "Any week" : `Week ${week}`}</h3>
          {list.map((m) => {
            const promised = promises.filter((p) => p.moduleSlug === m.slug);
            const points = friction.filter((f) => f.moduleSlug === m.slug);
            return (
              <div key={m.slug} className="stack-sm handoff-module">
                <p>
                  <strong>{m.title}</strong>{" "}
                  <span className="muted small">revision {m.revision}</span>
                </p>
                {promised.length ? (
                  <ul className="handoff-promises" aria-label={`Promised in ${m.title}`}>
                    {promised.map((p, i) => (
                      <li key={i}>
                        <span className="pill pill-info">Promised</span> {p.text}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {points.length ? (
                  <ul className="handoff-friction" aria-label={`Friction in ${m.title}`}>
                    {points.map((f, i) => (
                      <li key={i} className={f.told ? "friction-told" : "friction-untold"}>
                        {f.told ? (
                          <span className="pill pill-success">Customer was told</span>
                        ) : (
                          <span className="pill pill-danger">Not discussed</span>
                        )}{" "}
                        {f.text}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            );
          })}
        </li>
      ))}
    </ol>
  );
}
