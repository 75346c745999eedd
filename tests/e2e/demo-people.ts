import path from "node:path";
import Database from "better-sqlite3";

export type DemoPerson = {
  id: string;
  email: string;
  name: string;
  role: string;
  teamId: string | null;
  /** Teams this person leads. */
  leads: string[];
  certificationIds: string[];
};

/** The people in a running test server's database, read straight from its SQLite file. */
export function readDemoPeople(dataDir: string): DemoPerson[] {
  const db = new Database(path.join(dataDir, "e2e.db"), { fileMustExist: true });
  try {
    const users = db
      .prepare("select id, email, name, role, team_id as teamId from users order by email")
      .all() as Omit<DemoPerson, "leads" | "certificationIds">[];
    const teams = db.prepare("select id, manager_id as managerId from teams").all() as {
      id: string;
      managerId: string | null;
    }[];
    const certifications = db.prepare("select id, user_id as userId from certifications").all() as {
      id: string;
      userId: string;
    }[];
    return users.map((user) => ({
      ...user,
      leads: teams.filter((t) => t.managerId === user.id).map((t) => t.id),
      certificationIds: certifications.filter((c) => c.userId === user.id).map((c) => c.id),
    }));
  } finally {
    db.close();
  }
}

export function personByEmail(people: DemoPerson[], email: string): DemoPerson {
  const person = people.find((p) => p.email === email);
  if (!person) throw new Error(`No demo person ${email}`);
  return person;
}

export type DemoHandoff = { id: string; accountName: string; repId: string; csmId: string };

/** The demo handoffs, read straight from a running test server's SQLite file. */
export function readDemoHandoffs(dataDir: string): DemoHandoff[] {
  const db = new Database(path.join(dataDir, "e2e.db"), { fileMustExist: true });
  try {
    return db
      .prepare(
        "select id, account_name as accountName, rep_id as repId, csm_id as csmId from handoffs",
      )
      .all() as DemoHandoff[];
  } finally {
    db.close();
  }
}
