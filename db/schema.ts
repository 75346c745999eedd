import {
  type AnySQLiteColumn,
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
} from "drizzle-orm/sqlite-core";

import { roles } from "./roles";

export { roles, type Role } from "./roles";

export const teams = sqliteTable("teams", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  managerId: text("manager_id").references((): AnySQLiteColumn => users.id, {
    onDelete: "set null",
  }),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    // Stored lower-cased so uniqueness is case-insensitive.
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    role: text("role", { enum: roles }).notNull(),
    teamId: text("team_id").references((): AnySQLiteColumn => teams.id, {
      onDelete: "set null",
    }),
    passwordHash: text("password_hash").notNull(),
    disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("users_team_idx").on(t.teamId)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    secretHash: blob("secret_hash", { mode: "buffer" }).notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    lastVerifiedAt: integer("last_verified_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // "email:<address>" or "ip:<address>"
    key: text("key").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sign_in_failures_key_at_idx").on(t.key, t.at)],
);

/** Compiled MDX, keyed by sha256(source + includes + compiler version). */
export const compiledModules = sqliteTable("compiled_modules", {
  cacheKey: text("cache_key").primaryKey(),
  code: text("code").notNull(),
  /** JSON: frontmatter, headings, server-only quiz keys, diagnostics. */
  meta: text("meta").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

/** Every distinct module source ever served, so later views can diff revisions. */
export const moduleSources = sqliteTable(
  "module_sources",
  {
    hash: text("hash").primaryKey(),
    productSlug: text("product_slug").notNull(),
    moduleSlug: text("module_slug").notNull(),
    path: text("path").notNull(),
    revision: integer("revision").notNull(),
    source: text("source").notNull(),
    firstSeenAt: integer("first_seen_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("module_sources_module_idx").on(t.productSlug, t.moduleSlug)],
);

export type User = typeof users.$inferSelect;
export type Team = typeof teams.$inferSelect;
export type Session = typeof sessions.$inferSelect;

/** The build state of each module: its last good compile and the error that replaced it, if any. */
export const moduleBuilds = sqliteTable(
  "module_builds",
  {
    productSlug: text("product_slug").notNull(),
    moduleSlug: text("module_slug").notNull(),
    lastGoodCacheKey: text("last_good_cache_key").references(() => compiledModules.cacheKey),
    lastError: text("last_error"),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.productSlug, t.moduleSlug] })],
);
