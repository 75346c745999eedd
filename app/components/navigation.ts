import type { Role } from "#db/roles";

export type NavItem = { to: string; label: string };

const byRole: Record<Role, NavItem[]> = {
  rep: [
    { to: "/certificates", label: "My certificates" },
    { to: "/handoffs", label: "Handoffs" },
  ],
  manager: [
    { to: "/team", label: "My team" },
    { to: "/handoffs", label: "Handoffs" },
  ],
  author: [
    { to: "/content", label: "Content status" },
    { to: "/content/impact", label: "Change impact" },
    { to: "/friction", label: "Friction" },
  ],
  csm: [
    { to: "/handoffs", label: "Handoff queue" },
    { to: "/verify", label: "Verify a certificate" },
  ],
  admin: [
    { to: "/team", label: "Readiness" },
    { to: "/admin/users", label: "People & teams" },
    { to: "/admin/integrations", label: "Integrations" },
    { to: "/handoffs", label: "Handoffs" },
    { to: "/content", label: "Content status" },
  ],
};

export function navigationFor(role: Role): NavItem[] {
  return [{ to: "/", label: "Home" }, { to: "/products", label: "Products" }, ...byRole[role]];
}
