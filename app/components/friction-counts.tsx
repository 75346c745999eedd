export type FrictionCountsView = {
  productSlug: string;
  productName: string;
  open: number;
  resolved: number;
}[];

/** For managers: how much the reps they look after flagged as confusing or missing, per product. */
export function FrictionCounts({ counts }: { counts: FrictionCountsView }) {
  const flagged = counts.some((c) => c.open + c.resolved > 0);
  return (
    <section className="panel stack-sm" aria-labelledby="friction-counts-title">
      <h3 id="friction-counts-title">Friction your reps flagged</h3>
      {flagged ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Open</th>
              <th scope="col">Resolved</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr key={c.productSlug}>
                <th scope="row">{c.productName}</th>
                <td>{c.open}</td>
                <td>{c.resolved}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No rep has flagged a confusing or missing step yet.</p>
      )}
      <p className="small muted">Reps flag steps on module pages; enablement answers them there.</p>
    </section>
  );
}
