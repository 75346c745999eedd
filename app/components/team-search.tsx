import { Form, Link } from "@remix-run/react";

type TeamRef = { id: string; name: string };

/**
 * An admin's way to one team however many there are: type part of its name, follow a match. A
 * plain GET form, so it works without JavaScript; the matrix's other filters ride along.
 */
export function TeamSearch({
  team,
  text,
  matches,
  keep,
  teamHref,
  everyTeamHref,
}: {
  /** The team shown, if one is. */
  team: TeamRef | null;
  /** What was searched for. */
  text: string;
  /** What the search found (`more`: it found others too); null before any search. */
  matches: { teams: TeamRef[]; more: boolean } | null;
  /** The query's other fields, sent again with a search. */
  keep: Record<string, string>;
  teamHref: (teamId: string) => string;
  everyTeamHref: string;
}) {
  return (
    <div className="team-search stack-sm">
      <div className="team-search-bar">
        <Form method="get" role="search" aria-label="Find a team" className="team-search-form">
          <label className="field">
            <span>Find a team</span>
            <input
              type="search"
              name="teamSearch"
              defaultValue={text}
              placeholder="Part of its name"
              maxLength={100}
            />
          </label>
          {Object.entries(keep).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className="button button-small">
            Find
          </button>
        </Form>
        <p className="small">
          {team ? (
            <>
              Showing <strong>{team.name}</strong> · <Link to={everyTeamHref}>Every team</Link>
            </>
          ) : (
            "Showing every team"
          )}
        </p>
      </div>
      {matches === null ? null : matches.teams.length ? (
        <nav aria-label="Teams found" className="team-matches">
          <span className="small muted">{`Teams named like “${text}”:`}</span>
          <ul>
            {matches.teams.map((t) => (
              <li key={t.id}>
                <Link to={teamHref(t.id)} aria-current={t.id === team?.id ? "page" : undefined}>
                  {t.name}
                </Link>
              </li>
            ))}
          </ul>
          {matches.more ? (
            <span className="small muted">
              The first {matches.teams.length}; type more of the name to narrow them.
            </span>
          ) : null}
        </nav>
      ) : (
        <p className="small muted">{`No team's name contains “${text}”.`}</p>
      )}
    </div>
  );
}
