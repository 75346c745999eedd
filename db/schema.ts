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
    /** A Slack-compatible incoming-webhook URL for the team's channel. */
    slackWebhookUrl: text("slack_webhook_url"),
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
  (t) => [
    index("users_team_idx").on(t.teamId),
    // The readiness matrix pages through every rep by name. Not led by role: an index on role
    // would look selective to SQLite and pull users to the front of joins that filter on it.
    index("users_name_idx").on(t.name, t.email),
  ],
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
  (t) => [
    index("module_sources_module_idx").on(t.productSlug, t.moduleSlug),
    // Covers "when was each revision first seen" for a product, read for every standing, without
    // reading the rows (and their long sources).
    index("module_sources_revision_seen_idx").on(
      t.productSlug,
      t.moduleSlug,
      t.revision,
      t.firstSeenAt,
    ),
  ],
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
    // A rep's attempts on a product since a date, in order: every standing reads them.
    index("quiz_attempts_user_time_idx").on(t.userId, t.productSlug, t.attemptedAt),
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
    // A rep's history, all states (certificates page).
    index("certifications_user_idx").on(t.userId, t.issuedAt),
    // A product's certified reps (change impact) without reading each row's module list.
    index("certifications_active_product_idx")
      .on(t.productSlug, t.userId)
      .where(sql`state = 'active'`),
  ],
);

export type Certification = typeof certifications.$inferSelect;
export type ModuleProgress = typeof moduleProgress.$inferSelect;
export type QuizAttempt = typeof quizAttempts.$inferSelect;

export const apiScopes = [
  "eligibility:read",
  "certifications:read",
  "people:read",
  "webhooks:write",
  "vocabulary:read",
  "handoffs:read",
] as const;
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

/**
 * The status each rep was last announced to have on each product. A change is found by comparing
 * against it inside one write transaction, so each transition produces its event exactly once.
 */
export const repStatuses = sqliteTable(
  "rep_statuses",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    productSlug: text("product_slug").notNull(),
    status: text("status").notNull(),
    eligible: integer("eligible", { mode: "boolean" }).notNull(),
    certificationId: text("certification_id"),
    refreshDeadline: integer("refresh_deadline", { mode: "timestamp_ms" }),
    /** JSON array of the module slugs awaiting a re-take. */
    refreshModules: text("refresh_modules").notNull().default("[]"),
    /** Share of the track complete, 0–1, as the readiness matrix shows it; null until computed. */
    progress: real("progress"),
    /** The track is done below the pass mark: a manager may grant a re-take. */
    retakeNeeded: integer("retake_needed", { mode: "boolean" }).notNull().default(false),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
    changedAt: integer("changed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.productSlug] }),
    index("rep_statuses_changed_idx").on(t.changedAt, t.userId, t.productSlug),
    index("rep_statuses_product_status_idx").on(t.productSlug, t.status, t.userId),
    index("rep_statuses_deadline_idx").on(t.status, t.refreshDeadline, t.userId),
    index("rep_statuses_expiry_idx").on(t.expiresAt, t.status, t.userId),
  ],
);

export const webhookEvents = [
  "certification.issued",
  "certification.refresh_due",
  "certification.lapsed",
  "certification.expired",
  "certification.restored",
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

/** Endpoints that receive signed events. The secret is kept as given: it signs every delivery. */
export const webhooks = sqliteTable("webhooks", {
  id: text("id").primaryKey(),
  url: text("url").notNull(),
  secret: text("secret").notNull(),
  /** JSON array of WebhookEvent. */
  events: text("events").notNull(),
  createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

/** Everything that happened and must reach the outside, written with the change that caused it. */
export const outboxEvents = sqliteTable(
  "outbox_events",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    /** Public id (`evt_…`) receivers de-duplicate on. */
    id: text("id").notNull().unique(),
    type: text("type").notNull(),
    /** JSON. */
    data: text("data").notNull(),
    /** The rep it concerns: deliveries for one rep go out in order. */
    userId: text("user_id"),
    /** Events the clock causes carry one, so a second sweep cannot repeat them. */
    dedupeKey: text("dedupe_key").unique(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("outbox_events_created_idx").on(t.createdAt)],
);

export const deliveryChannels = ["webhook", "xapi", "email", "slack"] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];
export const deliveryStates = ["pending", "delivered", "failed"] as const;

/** One event to one destination; its payload is fixed when queued so every retry sends the same. */
export const deliveries = sqliteTable(
  "deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventSeq: integer("event_seq")
      .notNull()
      .references(() => outboxEvents.seq, { onDelete: "cascade" }),
    channel: text("channel", { enum: deliveryChannels }).notNull(),
    /** Where it goes: a webhook URL, an LRS, an email address, a Slack URL. */
    target: text("target").notNull(),
    webhookId: text("webhook_id").references(() => webhooks.id, { onDelete: "cascade" }),
    /** Deliveries sharing a channel, target and order key go out one after another. */
    orderKey: text("order_key").notNull(),
    /** JSON, channel-specific. */
    payload: text("payload").notNull(),
    state: text("state", { enum: deliveryStates }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    deliveredAt: integer("delivered_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("deliveries_due_idx").on(t.state, t.nextAttemptAt),
    index("deliveries_order_idx").on(t.channel, t.target, t.orderKey, t.id),
    index("deliveries_event_idx").on(t.eventSeq),
  ],
);

/** Every try of every delivery, for the delivery log. */
export const deliveryAttempts = sqliteTable(
  "delivery_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    deliveryId: integer("delivery_id")
      .notNull()
      .references(() => deliveries.id, { onDelete: "cascade" }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    ok: integer("ok", { mode: "boolean" }).notNull(),
    /** The HTTP status or SMTP reply code, when there was one. */
    responseStatus: integer("response_status"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
  },
  (t) => [index("delivery_attempts_delivery_idx").on(t.deliveryId, t.at)],
);

export const notificationKinds = [
  "module_changed",
  "lapse_warning",
  "rep_certified",
  "rep_lapsed",
  "weekly_digest",
  "handoff_to_me",
  "handoff_answered",
  "friction_answered",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Notifications a person turned off; everything else is on. */
export const notificationOptOuts = sqliteTable(
  "notification_opt_outs",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: notificationKinds }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

export type RepStatus = typeof repStatuses.$inferSelect;
export type Webhook = typeof webhooks.$inferSelect;
export type OutboxEventRow = typeof outboxEvents.$inferSelect;
export type Delivery = typeof deliveries.$inferSelect;
export type DeliveryAttempt = typeof deliveryAttempts.$inferSelect;

export const handoffStates = ["submitted", "questioned", "acknowledged", "superseded"] as const;
export type HandoffState = (typeof handoffStates)[number];

/** A closed deal handed from a rep to a CSM, bound to the certification the rep held when filing. */
export const handoffs = sqliteTable(
  "handoffs",
  {
    id: text("id").primaryKey(),
    repId: text("rep_id")
      .notNull()
      .references(() => users.id),
    csmId: text("csm_id")
      .notNull()
      .references(() => users.id),
    accountName: text("account_name").notNull(),
    productSlug: text("product_slug").notNull(),
    /** YYYY-MM-DD. */
    goLiveTarget: text("go_live_target").notNull(),
    state: text("state", { enum: handoffStates }).notNull(),
    notes: text("notes").notNull().default(""),
    certificationId: text("certification_id").notNull(),
    /** JSON: [{ slug, title, revision, week }] of the product's modules when filed. */
    moduleRevisions: text("module_revisions").notNull(),
    /** The handoff this one replaces after an edit; the old one stays, superseded. */
    supersedesId: text("supersedes_id").references((): AnySQLiteColumn => handoffs.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("handoffs_rep_idx").on(t.repId, t.createdAt),
    index("handoffs_csm_idx").on(t.csmId, t.createdAt),
  ],
);

export const handoffPromises = sqliteTable(
  "handoff_promises",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    handoffId: text("handoff_id")
      .notNull()
      .references(() => handoffs.id),
    text: text("text").notNull(),
    moduleSlug: text("module_slug").notNull(),
    week: integer("week"),
  },
  (t) => [index("handoff_promises_handoff_idx").on(t.handoffId)],
);

export const handoffFriction = sqliteTable(
  "handoff_friction",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    handoffId: text("handoff_id")
      .notNull()
      .references(() => handoffs.id),
    moduleSlug: text("module_slug").notNull(),
    text: text("text").notNull(),
    told: integer("told", { mode: "boolean" }).notNull(),
  },
  (t) => [index("handoff_friction_handoff_idx").on(t.handoffId)],
);

export const handoffEventKinds = [
  "filed",
  "acknowledged",
  "questioned",
  "replied",
  "superseded",
] as const;
export type HandoffEventKind = (typeof handoffEventKinds)[number];

/** Append-only history of every handoff: rows are only ever inserted. */
export const handoffEvents = sqliteTable(
  "handoff_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    handoffId: text("handoff_id")
      .notNull()
      .references(() => handoffs.id),
    actorId: text("actor_id").references(() => users.id),
    kind: text("kind", { enum: handoffEventKinds }).notNull(),
    message: text("message"),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("handoff_events_handoff_idx").on(t.handoffId, t.at)],
);

export type Handoff = typeof handoffs.$inferSelect;
export type HandoffEvent = typeof handoffEvents.$inferSelect;

export const frictionFlagStates = ["open", "resolved"] as const;
export type FrictionFlagState = (typeof frictionFlagStates)[number];

/**
 * A step a reader found confusing or missing, anchored to a heading of the module revision they
 * were served; the author's reply is shown back to them on the module page.
 */
export const frictionFlags = sqliteTable(
  "friction_flags",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    productSlug: text("product_slug").notNull(),
    moduleSlug: text("module_slug").notNull(),
    /** The module's `revision` and the sha256 of the source the reader was served. */
    moduleRevision: integer("module_revision").notNull(),
    sourceHash: text("source_hash").notNull(),
    headingId: text("heading_id").notNull(),
    headingText: text("heading_text").notNull(),
    note: text("note").notNull(),
    state: text("state", { enum: frictionFlagStates }).notNull(),
    reply: text("reply"),
    repliedById: text("replied_by_id").references(() => users.id, { onDelete: "set null" }),
    repliedAt: integer("replied_at", { mode: "timestamp_ms" }),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("friction_flags_state_idx").on(t.state, t.productSlug, t.moduleSlug, t.createdAt),
    index("friction_flags_reader_idx").on(t.userId, t.productSlug, t.moduleSlug, t.createdAt),
  ],
);

export type FrictionFlag = typeof frictionFlags.$inferSelect;

/**
 * What each product's standings were last swept against (its revisions and policy), so a sweep,
 * also the first after a restart, re-checks only the products whose content changed since.
 */
export const sweptProducts = sqliteTable("swept_products", {
  productSlug: text("product_slug").primaryKey(),
  fingerprint: text("fingerprint").notNull(),
  sweptAt: integer("swept_at", { mode: "timestamp_ms" }).notNull(),
});
