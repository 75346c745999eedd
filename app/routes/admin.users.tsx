import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { roles } from "#db/roles";
import { ActionResult } from "~/components/action-result";
import { AddPersonForm, AddTeamForm, PeopleTable } from "~/components/admin-people";
import { createTeam, getTeamLedBy, listTeams, TeamNameTakenError } from "~/models/team.server";
import {
  createUser,
  DuplicateEmailError,
  getUserById,
  listUsersWithTeams,
  setUserDisabled,
  updateUserRoleAndTeam,
} from "~/models/user.server";
import { requireRole } from "~/utils/auth.server";
import { displayName } from "~/utils/display-text";
import { formFields, parseFormFields, requireFormData } from "~/utils/form.server";
import { generateOneTimePassword } from "~/utils/password.server";

export const meta: MetaFunction = () => [{ title: "People & teams · Firsthand" }];

export function loader({ request }: LoaderFunctionArgs) {
  const admin = requireRole(request, ["admin"]);
  const teams = listTeams();
  return {
    currentUserId: admin.id,
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    people: listUsersWithTeams().map(({ user, teamName }) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      teamId: user.teamId,
      teamName,
      disabled: user.disabled,
    })),
  };
}

const optionalTeam = z
  .string()
  .max(100)
  .optional()
  .transform((v) => (v ? v : null));
const userId = z.string().min(1).max(100);

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create-user"),
    email: z.string().trim().max(254).email("Enter a valid email address."),
    name: displayName({ label: "a name", max: 100 }),
    role: z.enum(roles),
    teamId: optionalTeam,
  }),
  z.object({
    intent: z.literal("update-user"),
    userId,
    role: z.enum(roles),
    teamId: optionalTeam,
  }),
  z.object({ intent: z.literal("disable-user"), userId }),
  z.object({ intent: z.literal("enable-user"), userId }),
  z.object({
    intent: z.literal("create-team"),
    name: displayName({ label: "a team name", max: 80 }),
    managerId: optionalTeam,
  }),
]);

type AdminActionResult = { error?: string; notice?: string; oneTimePassword?: string };

export async function action({ request }: ActionFunctionArgs) {
  const admin = requireRole(request, ["admin"]);
  const parsed = parseFormFields(actionSchema, formFields(await requireFormData(request)));
  if (!parsed.ok) return data<AdminActionResult>({ error: parsed.message }, { status: 400 });
  const input = parsed.data;
  const teamIds = new Set(listTeams().map((t) => t.id));
  if ("teamId" in input && input.teamId && !teamIds.has(input.teamId)) {
    return data<AdminActionResult>({ error: "That team does not exist." }, { status: 400 });
  }
  switch (input.intent) {
    case "create-user": {
      const oneTimePassword = generateOneTimePassword();
      try {
        const user = await createUser({ ...input, password: oneTimePassword });
        return data<AdminActionResult>({ notice: `Added ${user.email}.`, oneTimePassword });
      } catch (error) {
        if (error instanceof DuplicateEmailError) {
          return data<AdminActionResult>({ error: error.message }, { status: 409 });
        }
        throw error;
      }
    }
    case "create-team": {
      const manager = input.managerId ? getUserById({ id: input.managerId }) : null;
      if (input.managerId && manager?.role !== "manager") {
        return data<AdminActionResult>(
          { error: "A team must be led by a manager." },
          { status: 400 },
        );
      }
      const led = manager ? getTeamLedBy({ managerId: manager.id }) : null;
      if (manager && led) {
        return data<AdminActionResult>(
          { error: `${manager.name} already leads ${led.name}; a manager leads one team.` },
          { status: 409 },
        );
      }
      try {
        const team = createTeam({ name: input.name, managerId: input.managerId });
        return data<AdminActionResult>({ notice: `Created ${team.name}.` });
      } catch (error) {
        if (error instanceof TeamNameTakenError) {
          return data<AdminActionResult>({ error: error.message }, { status: 409 });
        }
        throw error;
      }
    }
    default: {
      const target = getUserById({ id: input.userId });
      if (!target)
        return data<AdminActionResult>({ error: "That person no longer exists." }, { status: 404 });
      if (target.id === admin.id && input.intent !== "enable-user") {
        return data<AdminActionResult>(
          { error: "You cannot change your own role or disable yourself." },
          { status: 400 },
        );
      }
      const led = getTeamLedBy({ managerId: target.id });
      if (input.intent === "update-user" && led) {
        if (input.role !== "manager" || input.teamId !== led.id) {
          return data<AdminActionResult>(
            {
              error: `${target.name} leads ${led.name}: they stay its manager and member until the team has another lead.`,
            },
            { status: 409 },
          );
        }
      }
      if (input.intent === "update-user") {
        updateUserRoleAndTeam({ id: target.id, role: input.role, teamId: input.teamId });
        return data<AdminActionResult>({ notice: `Updated ${target.email}.` });
      }
      const disabled = input.intent === "disable-user";
      setUserDisabled({ id: target.id, disabled });
      return data<AdminActionResult>({
        notice: disabled
          ? `Disabled ${target.email}; their open sessions have ended.`
          : `Re-enabled ${target.email}.`,
      });
    }
  }
}

export default function AdminUsers() {
  const { people, teams, currentUserId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const managers = people.filter((p) => p.role === "manager");
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>People &amp; teams</h1>
        <p className="muted">
          Add people, set their role and team, and disable accounts that should no longer sign in.
        </p>
      </header>
      <ActionResult error={result?.error} notice={result?.notice}>
        {result?.oneTimePassword ? (
          <p>
            One-time password (shown once, share it privately):{" "}
            <code className="secret">{result.oneTimePassword}</code>
          </p>
        ) : null}
      </ActionResult>

      <PeopleTable people={people} teams={teams} currentUserId={currentUserId} />

      <div className="grid-2">
        <AddPersonForm teams={teams} />
        <AddTeamForm managers={managers} />
      </div>
    </div>
  );
}
