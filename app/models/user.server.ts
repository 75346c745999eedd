import { asc, eq, sql } from "drizzle-orm";
import { teams, users, type Role, type User } from "#db/schema";
import { getDb, immediateTransaction } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { preparedQuery } from "~/utils/prepared-query.server";
import { invalidateUserSessions } from "~/utils/session.server";

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

const userByEmail = preparedQuery((db) =>
  db
    .select()
    .from(users)
    .where(eq(users.email, sql.placeholder("email")))
    .prepare(),
);
const userById = preparedQuery((db) =>
  db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .prepare(),
);

export function getUserById({ id }: { id: string }): User | null {
  return userById().get({ id }) ?? null;
}

export function getUserByEmail({ email }: { email: string }): User | null {
  return userByEmail().get({ email: normalizeEmail(email) }) ?? null;
}

export class DuplicateEmailError extends Error {
  constructor(email: string) {
    super(`A user with the email ${email} already exists.`);
  }
}

export async function createUser({
  email,
  name,
  role,
  teamId = null,
  password,
}: {
  email: string;
  name: string;
  role: Role;
  teamId?: string | null;
  password: string;
}): Promise<User> {
  const normalized = normalizeEmail(email);
  if (getUserByEmail({ email: normalized })) throw new DuplicateEmailError(normalized);
  const user = {
    id: crypto.randomUUID(),
    email: normalized,
    name: name.trim(),
    role,
    teamId,
    passwordHash: await hashPassword(password),
    disabled: false,
    createdAt: new Date(),
  };
  getDb().insert(users).values(user).run();
  return user;
}

export function listUsersWithTeams() {
  return getDb()
    .select({ user: users, teamName: teams.name })
    .from(users)
    .leftJoin(teams, eq(users.teamId, teams.id))
    .orderBy(asc(users.role), asc(users.email))
    .all();
}

export function updateUserRoleAndTeam({
  id,
  role,
  teamId,
}: {
  id: string;
  role: Role;
  teamId: string | null;
}) {
  getDb().update(users).set({ role, teamId }).where(eq(users.id, id)).run();
}

/** Disabling also ends every open session of that user, in the same write. */
export function setUserDisabled({ id, disabled }: { id: string; disabled: boolean }) {
  immediateTransaction((db) => {
    db.update(users).set({ disabled }).where(eq(users.id, id)).run();
    if (disabled) invalidateUserSessions({ userId: id });
  });
}

export function listTeamMembers({ teamId }: { teamId: string }): User[] {
  return getDb()
    .select()
    .from(users)
    .where(eq(users.teamId, teamId))
    .orderBy(asc(users.name))
    .all();
}
