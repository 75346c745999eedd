import type { Role } from "#db/roles";

export type NavItem = { to: string; label: string };

const byRole: Record<Role, NavItem[]> = {
  rep: [{ to: "/certificates", label: "My certificates" }],
  manager: [{ to: "/team", label: "My team" }],
  author: [{ to: "/content", label: "Content status" }],
  csm: [{ to: "/verify", label: "Verify a certificate" }],
  admin: [
    { to: "/admin/users", label: "People & teams" },
    { to: "/admin/integrations", label: "Integrations" },
    { to: "/content", label: "Content status" },
  ],
};

export function navigationFor(role: Role): NavItem[] {
  return [{ to: "/", label: "Home" }, { to: "/products", label: "Products" }, ...byRole[role]];
}
