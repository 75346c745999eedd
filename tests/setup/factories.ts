import type { Role } from "#db/schema";
import { createUser } from "~/models/user.server";

let counter = 0;

export function makeUser({
  role = "rep",
  teamId = null,
}: { role?: Role; teamId?: string | null } = {}) {
  counter += 1;
  return createUser({
    email: `person${counter}-${crypto.randomUUID().slice(0, 8)}@example.test`,
    name: `Person ${counter}`,
    role,
    teamId,
    password: "correct horse battery",
  });
}
