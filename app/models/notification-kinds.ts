import type { Role } from "#db/roles";
import type { NotificationKind } from "#db/schema";

export const notificationKindLabels: Record<
  NotificationKind,
  { label: string; description: string }
> = {
  module_changed: {
    label: "A module I am certified on changed",
    description: "Which modules to re-take, what changed in them and the re-take deadline.",
  },
  lapse_warning: {
    label: "A refresh deadline is a week away",
    description: "A reminder seven days before a certification lapses.",
  },
  rep_certified: {
    label: "A rep on my team is certified",
    description: "Sent when one of your reps earns a certification.",
  },
  rep_lapsed: {
    label: "A rep's certification lapsed",
    description: "Sent when one of your reps misses a refresh deadline.",
  },
  weekly_digest: {
    label: "Weekly team digest",
    description:
      "Once a week: who on your team is certified, due for a refresh or lapsed, per product.",
  },
  handoff_to_me: {
    label: "A handoff for me arrives, or a rep answers my question",
    description: "When a rep hands a deal over to you, edits it, or replies to what you asked.",
  },
  handoff_answered: {
    label: "A CSM answers my handoff",
    description:
      "When customer success acknowledges a handoff you filed or sends it back with a question.",
  },
  friction_answered: {
    label: "Enablement answers a step I flagged",
    description:
      "When an author replies to something you flagged as confusing or missing in a module.",
  },
};

const managerKinds: NotificationKind[] = ["rep_certified", "rep_lapsed", "weekly_digest"];

const kindsByRole: Record<Role, NotificationKind[]> = {
  rep: ["module_changed", "lapse_warning", "handoff_answered", "friction_answered"],
  manager: managerKinds,
  admin: managerKinds,
  author: [],
  csm: ["handoff_to_me"],
};

/** The notifications a person of this role can get, so the only ones they can turn off. */
export function notificationKindsFor(role: Role): NotificationKind[] {
  return kindsByRole[role];
}
