import { Link } from "@remix-run/react";
import type { CertificationStatus } from "~/models/certification-status";
import { formatMinutes } from "~/models/stalls";
import { formatDate, formatDateTime } from "~/utils/dates";
import { ReadinessCellBadge } from "./readiness-matrix";

type Question = {
  quizId: string;
  question: string;
  firstAttempt: "passed" | "failed" | "not_answered";
  attempts: number;
};
export type RepTrackView = {
  slug: string;
  name: string;
  status: CertificationStatus;
  cleared: boolean;
  progress: number;
  score: number;
  passMark: number;
  belowPassMark: boolean;
  expiresAt: string | null;
  refreshDeadline: string | null;
  modulesToRefresh: {
    slug: string;
    title: string;
    certifiedRevision: number | null;
    currentRevision: number;
  }[];
  modules: {
    slug: string;
    title: string;
    revision: number;
    complete: boolean;
    completedRevision: number | null;
    firstOpenedAt: string | null;
    completedAt: string | null;
    minutes: number | null;
    questions: Question[];
  }[];
  certifications: {
    state: string;
    issuedAt: string;
    expiresAt: string;
    refreshedAt: string | null;
    score: number;
    modules: { slug: string; title: string; revision: number }[];
  }[];
  retakes: { grantedAt: string; scoreBefore: number }[];
};

const pct = (n: number) => `${Math.round(n * 100)}%`;
const firstLabel = {
  passed: "Right first time",
  failed: "Wrong first time",
  not_answered: "Not answered",
};
const firstTone = { passed: "pill-success", failed: "pill-danger", not_answered: "" };

export function RepTrack({ track }: { track: RepTrackView }) {
  return (
    <section className="panel stack" aria-labelledby={`track-${track.slug}`}>
      <div className="meta-row">
        <h2 id={`track-${track.slug}`}>{track.name}</h2>
        <ReadinessCellBadge cell={track} />
      </div>
      {track.status === "not_started" ? (
        <p className="muted small">
          Not started: no question answered or module completed on this track yet.
        </p>
      ) : (
        <RepTrackDetail track={track} />
      )}
    </section>
  );
}

function RepTrackDetail({ track }: { track: RepTrackView }) {
  return (
    <>
      <p className="small">
        {pct(track.progress)} of the track complete · first-attempt score {pct(track.score)} (pass
        mark {pct(track.passMark)}) · {track.cleared ? "cleared to pitch" : "not cleared to pitch"}
      </p>
      <Due track={track} />
      <div className="table-wrap">
        <table className="data-table responsive-table">
          <caption className="visually-hidden">{track.name}: modules</caption>
          <thead>
            <tr>
              <th scope="col">Module</th>
              <th scope="col">Opened</th>
              <th scope="col">Completed</th>
              <th scope="col">Time to complete</th>
              <th scope="col">First attempts</th>
            </tr>
          </thead>
          <tbody>
            {track.modules.map((m) => (
              <tr key={m.slug}>
                <th scope="row">
                  {m.title}
                  <br />
                  <span className="muted small">
                    revision {m.revision}
                    {m.completedRevision !== null && m.completedRevision < m.revision
                      ? ` (completed at ${m.completedRevision})`
                      : ""}
                  </span>
                </th>
                <td data-label="Opened">{formatDate(m.firstOpenedAt)}</td>
                <td data-label="Completed">
                  {m.completedAt ? formatDate(m.completedAt) : "—"}
                  {m.completedAt && !m.complete ? (
                    <span className="muted small"> (earlier revision or round)</span>
                  ) : null}
                </td>
                <td data-label="Time to complete">{formatMinutes(m.minutes)}</td>
                <td data-label="First attempts">
                  {m.questions.length ? (
                    <ul className="question-results">
                      {m.questions.map((q) => (
                        <li key={q.quizId}>
                          <span className={`pill ${firstTone[q.firstAttempt]}`}>
                            {firstLabel[q.firstAttempt]}
                          </span>{" "}
                          <span className="small">{q.question}</span>
                          {q.attempts > 1 ? (
                            <span className="muted small"> · {q.attempts} tries</span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted small">No knowledge checks</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="small-heading">Certification history</h3>
      {track.certifications.length ? (
        <ul className="list">
          {track.certifications.map((c) => (
            <li key={c.issuedAt}>
              <strong>{c.state === "active" ? "Current" : "Superseded"}</strong>: issued{" "}
              {formatDate(c.issuedAt)}, valid until {formatDate(c.expiresAt)}, score {pct(c.score)}
              {c.refreshedAt ? `, refreshed ${formatDate(c.refreshedAt)}` : ""}
              <br />
              <span className="muted small">
                Revisions: {c.modules.map((m) => `${m.title} r${m.revision}`).join(" · ")}
              </span>
            </li>
          ))}
          {track.retakes.map((r) => (
            <li key={r.grantedAt}>
              Re-take granted {formatDateTime(r.grantedAt)} after a first-attempt score of{" "}
              {pct(r.scoreBefore)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No certification yet.</p>
      )}
    </>
  );
}

function Due({ track }: { track: RepTrackView }) {
  if (track.modulesToRefresh.length) {
    return (
      <p className="banner banner-warning">
        {track.status === "lapsed" ? "Lapsed since" : "Refresh due by"}{" "}
        {formatDate(track.refreshDeadline)}: re-take{" "}
        {track.modulesToRefresh.map((m, i) => (
          <span key={m.slug}>
            {i ? ", " : ""}
            <Link to={`/what-changed/${track.slug}/${m.slug}`}>{m.title}</Link> (r
            {m.certifiedRevision ?? "–"} → r{m.currentRevision})
          </span>
        ))}
        .
      </p>
    );
  }
  if (track.expiresAt && track.status !== "expired") {
    return <p className="small">Certified until {formatDate(track.expiresAt)}.</p>;
  }
  return null;
}
