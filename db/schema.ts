import {
  type AnySQLiteColumn,
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";

import { roles } from "./roles";

export { roles, type Role } from "./roles";

export const teams = sqliteTable(
  "teams",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull().unique(),
    managerId: text("manager_id").references((): AnySQLiteColumn => users.id, {
      onDelete: "set null",
    }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  // A manager leads at most one team: team checks follow the manager's own teamId.
  (t) => [
    uniqueIndex("teams_one_per_manager_idx")
      .on(t.managerId)
      .where(sql`manager_id IS NOT NULL`),
  ],
);

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

/** A rep's current run through a product's track; attempts and completions count from its start. */
export const enrolments = sqliteTable(
  "enrolments",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    productSlug: text("product_slug").notNull(),
    roundStartedAt: integer("round_started_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.productSlug] })],
);

/** Re-takes a manager granted after a first-attempt score below the pass mark; each starts a new round. */
export const trackRetakes = sqliteTable(
  "track_retakes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    productSlug: text("product_slug").notNull(),
    grantedById: text("granted_by_id").references(() => users.id, { onDelete: "set null" }),
    grantedAt: integer("granted_at", { mode: "timestamp_ms" }).notNull(),
    /** The first-attempt score of the round it ended, 0–1. */
    scoreBefore: real("score_before").notNull(),
  },
  (t) => [index("track_retakes_user_idx").on(t.userId, t.productSlug)],
);

/** The last product.yml that validated, so a broken edit cannot change a product's policy. */
export const productConfigs = sqliteTable("product_configs", {
  productSlug: text("product_slug").primaryKey(),
  /** JSON: name, summary, modules, policy. */
  config: text("config").notNull(),
  sourceHash: text("source_hash").notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

export const quizAttempts = sqliteTable(
  "quiz_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    productSlug: text("product_slug").notNull(),
    moduleSlug: text("module_slug").notNull(),
    moduleRevision: integer("module_revision").notNull(),
    quizId: text("quiz_id").notNull(),
    /** JSON array of the choice values the rep selected. */
    selected: text("selected").notNull(),
    correct: integer("correct", { mode: "boolean" }).notNull(),
    attemptedAt: integer("attempted_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("quiz_attempts_user_quiz_idx").on(t.userId, t.productSlug, t.quizId, t.attemptedAt),
  ],
);

export const moduleProgress = sqliteTable(
  "module_progress",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    productSlug: text("product_slug").notNull(),
    moduleSlug: text("module_slug").notNull(),
    firstOpenedAt: integer("first_opened_at", { mode: "timestamp_ms" }).notNull(),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }),
    completedRevision: integer("completed_revision"),
    completedSourceHash: text("completed_source_hash"),
  },
  (t) => [primaryKey({ columns: [t.userId, t.productSlug, t.moduleSlug] })],
);

export const certificationStates = ["active", "superseded"] as const;

export const certifications = sqliteTable(
  "certifications",
  {
    /** Unguessable (256 bits) so /verify/<id> can be public. */
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    productSlug: text("product_slug").notNull(),
    state: text("state", { enum: certificationStates }).notNull(),
    issuedAt: integer("issued_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    /** Share of quizzes right at the first attempt, 0–1. */
    score: real("score").notNull(),
    /** JSON: [{ slug, title, revision, sourceHash }] for every module the certification covers. */
    modules: text("modules").notNull(),
    refreshedAt: integer("refreshed_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("certifications_one_active_idx")
      .on(t.userId, t.productSlug)
      .where(sql`state = 'active'`),
  ],
);

export type Certification = typeof certifications.$inferSelect;
export type ModuleProgress = typeof moduleProgress.$inferSelect;
export type QuizAttempt = typeof quizAttempts.$inferSelect;

export const apiScopes = ["eligibility:read", "certifications:read", "people:read"] as const;
export type ApiScope = (typeof apiScopes)[number];

/** Tokens a CRM uses for the API: `fh_<id>.<secret>`, of which only sha256(secret) is kept. */
export const apiTokens = sqliteTable("api_tokens", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** JSON array of ApiScope. */
  scopes: text("scopes").notNull(),
  secretHash: blob("secret_hash", { mode: "buffer" }).notNull(),
  createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
});

/** Every API call made with a token, refused ones included. */
export const apiTokenUses = sqliteTable(
  "api_token_uses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenId: text("token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    method: text("method").notNull(),
    endpoint: text("endpoint").notNull(),
    status: integer("status").notNull(),
  },
  (t) => [index("api_token_uses_token_idx").on(t.tokenId, t.at)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
