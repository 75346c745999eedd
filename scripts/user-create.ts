import { parseArgs } from "node:util";
import { z } from "zod";
import { roles } from "#db/schema";
import { createTeam, getTeamByName, setTeamManager } from "~/models/team.server";
import { createUser, DuplicateEmailError } from "~/models/user.server";
import { displayName } from "~/utils/display-text";
import { generateOneTimePassword, passwordSchema } from "~/utils/password.server";

const usage =
  "Usage: npm run user:create -- --email EMAIL --role rep|manager|author|csm|admin [--team NAME] [--name NAME]\n" +
  "Pipe a password on stdin to set it; otherwise a one-time password is printed.";

const argsSchema = z.object({
  email: z
    .string({ required_error: "--email is required" })
    .email("--email must be an email address"),
  role: z.enum(roles, {
    errorMap: () => ({ message: `--role must be one of ${roles.join(", ")}` }),
  }),
  team: displayName({ label: "a --team name", max: 80 }).optional(),
  name: displayName({ label: "a --name", max: 100 }).optional(),
});

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let values;
try {
  values = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string" },
      team: { type: "string" },
      name: { type: "string" },
    },
  }).values;
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
}
const parsed = argsSchema.safeParse(values);
if (!parsed.success) fail(`${parsed.error.issues[0].message}\n${usage}`);
const args = parsed.data;

const piped = !process.stdin.isTTY;
const password = piped ? await readStdin() : generateOneTimePassword();
const passwordCheck = passwordSchema.safeParse(password);
if (!passwordCheck.success) fail(passwordCheck.error.issues[0].message);

const team = args.team
  ? (getTeamByName({ name: args.team }) ?? createTeam({ name: args.team }))
  : null;
try {
  const user = await createUser({
    email: args.email,
    name: args.name ?? args.email.split("@")[0],
    role: args.role,
    teamId: team?.id ?? null,
    password,
  });
  if (team && args.role === "manager" && !team.managerId) {
    setTeamManager({ teamId: team.id, managerId: user.id });
  }
  console.log(`Created ${user.role} ${user.email}${team ? ` in ${team.name}` : ""}.`);
  if (!piped) console.log(`One-time password: ${password}`);
} catch (error) {
  if (error instanceof DuplicateEmailError) fail(error.message);
  throw error;
}
