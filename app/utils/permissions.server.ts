import type { User } from "#db/schema";

/** Whether `viewer` may see `subject`'s progress: themselves, their team's manager, or an admin. */
export function canViewPerson({ viewer, subject }: { viewer: User; subject: User }): boolean {
  if (viewer.id === subject.id || viewer.role === "admin") return true;
  if (viewer.role === "manager") return subject.teamId !== null && subject.teamId === viewer.teamId;
  return false;
}

/**
 * Throws 404 rather than 403 so a manager cannot probe which people exist outside their team.
 */
export function requirePersonVisible({
  viewer,
  subject,
}: {
  viewer: User;
  subject: User | null;
}): User {
  if (subject && canViewPerson({ viewer, subject })) return subject;
  throw new Response("Not found", { status: 404 });
}

/**
 * Authors (and admins) see the name and email of each certified rep a content change touches, and
 * that rep's status: who to tell before a revision bump goes live. Scores and answers stay private.
 */
export function canSeeChangeImpact(viewer: User): boolean {
  return viewer.role === "author" || viewer.role === "admin";
}
