import { Form } from "@remix-run/react";
import { roles, type Role } from "#db/roles";

type Team = { id: string; name: string };
type Person = {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  disabled: boolean;
};

export function PeopleTable({
  people,
  teams,
  currentUserId,
}: {
  people: Person[];
  teams: Team[];
  currentUserId: string;
}) {
  return (
    <section className="panel" aria-labelledby="people-title">
      <h2 id="people-title">People ({people.length})</h2>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role and team</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id} className={person.disabled ? "row-muted" : undefined}>
                <td>
                  <strong>{person.name}</strong>
                  <br />
                  <span className="muted">{person.email}</span>
                </td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="update-user" />
                    <input type="hidden" name="userId" value={person.id} />
                    <label className="visually-hidden" htmlFor={`role-${person.id}`}>
                      Role of {person.name}
                    </label>
                    <select id={`role-${person.id}`} name="role" defaultValue={person.role}>
                      <RoleOptions />
                    </select>
                    <label className="visually-hidden" htmlFor={`team-${person.id}`}>
                      Team of {person.name}
                    </label>
                    <select
                      id={`team-${person.id}`}
                      name="teamId"
                      defaultValue={person.teamId ?? ""}
                    >
                      <TeamOptions teams={teams} />
                    </select>
                    <button
                      type="submit"
                      className="button button-small"
                      disabled={person.id === currentUserId}
                    >
                      Save
                    </button>
                  </Form>
                </td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="userId" value={person.id} />
                    <span className={person.disabled ? "pill pill-danger" : "pill pill-success"}>
                      {person.disabled ? "Disabled" : "Active"}
                    </span>
                    {person.id === currentUserId ? null : (
                      <button
                        type="submit"
                        name="intent"
                        value={person.disabled ? "enable-user" : "disable-user"}
                        className="button button-small button-quiet"
                        aria-label={`${person.disabled ? "Re-enable" : "Disable"} ${person.email}`}
                      >
                        {person.disabled ? "Re-enable" : "Disable"}
                      </button>
                    )}
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function AddPersonForm({ teams }: { teams: Team[] }) {
  return (
    <section className="panel" aria-labelledby="add-person-title">
      <h2 id="add-person-title">Add a person</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="create-user" />
        <div className="field">
          <label htmlFor="new-name">Name</label>
          <input id="new-name" name="name" required maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="new-email">Email</label>
          <input id="new-email" name="email" type="email" required />
        </div>
        <div className="field">
          <label htmlFor="new-role">Role</label>
          <select id="new-role" name="role" defaultValue="rep">
            <RoleOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-team">Team</label>
          <select id="new-team" name="teamId" defaultValue="">
            <TeamOptions teams={teams} />
          </select>
        </div>
        <button type="submit" className="button button-primary">
          Add person
        </button>
      </Form>
    </section>
  );
}

export function AddTeamForm({ managers }: { managers: { id: string; name: string }[] }) {
  return (
    <section className="panel" aria-labelledby="add-team-title">
      <h2 id="add-team-title">Add a team</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="create-team" />
        <div className="field">
          <label htmlFor="team-name">Team name</label>
          <input id="team-name" name="name" required maxLength={80} />
        </div>
        <div className="field">
          <label htmlFor="team-manager">Led by</label>
          <select id="team-manager" name="managerId" defaultValue="">
            <option value="">No manager yet</option>
            {managers.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary">
          Add team
        </button>
      </Form>
    </section>
  );
}

function RoleOptions() {
  return roles.map((r) => (
    <option key={r} value={r}>
      {r}
    </option>
  ));
}

function TeamOptions({ teams }: { teams: Team[] }) {
  return (
    <>
      <option value="">No team</option>
      {teams.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </>
  );
}
