// Child process for the load tests: adds reps to the database at DATABASE_PATH in one go (one
// password hash shared by all), which is much faster than `npm run user:create` once per rep.
import { users } from "#db/schema";
import { getDb } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { demoPassword } from "./http";

const [countArg, prefix] = process.argv.slice(2);
const passwordHash = await hashPassword(demoPassword);
const emails = Array.from({ length: Number(countArg) }, (_, i) => `${prefix}-${i + 1}@load.test`);
getDb()
  .insert(users)
  .values(
    emails.map((email, i) => ({
      id: crypto.randomUUID(),
      email,
      name: `Load rep ${i + 1}`,
      role: "rep" as const,
      passwordHash,
      createdAt: new Date(),
    })),
  )
  .run();
process.stdout.write(JSON.stringify(emails));
