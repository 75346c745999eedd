import type { PitchEligibility } from "~/models/eligibility.server";

/** "Cleared to pitch" or "Not yet: …" for one product. */
export function PitchVerdict({ eligibility }: { eligibility: PitchEligibility }) {
  if (eligibility.cleared) {
    return (
      <div className="pitch pitch-cleared">
        <span aria-hidden="true">✓</span>
        <div>
          <strong>Cleared to pitch</strong>
          {eligibility.status === "refresh_due" ? (
            <ul>
              {eligibility.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : (
            <span> · {eligibility.reasons[0]}</span>
          )}
        </div>
      </div>
    );
  }
  return (
    <div className="pitch pitch-blocked">
      <span aria-hidden="true">!</span>
      <div>
        <strong>Not yet cleared to pitch</strong>
        <ul>
          {eligibility.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function ProgressBar({ value, label }: { value: number; label: string }) {
  const percent = Math.round(value * 100);
  return (
    <div className="progress-row">
      <div
        className="progress"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-value">{percent}%</span>
    </div>
  );
}
