export const roles = ["rep", "manager", "author", "csm", "admin"] as const;
export type Role = (typeof roles)[number];
