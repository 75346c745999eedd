CREATE TABLE `certifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`product_slug` text NOT NULL,
	`state` text NOT NULL,
	`issued_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`score` real NOT NULL,
	`modules` text NOT NULL,
	`refreshed_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certifications_one_active_idx` ON `certifications` (`user_id`,`product_slug`) WHERE state = 'active';--> statement-breakpoint
CREATE TABLE `compiled_modules` (
	`cache_key` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`meta` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `enrolments` (
	`user_id` text NOT NULL,
	`product_slug` text NOT NULL,
	`round_started_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `product_slug`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `module_builds` (
	`product_slug` text NOT NULL,
	`module_slug` text NOT NULL,
	`last_good_cache_key` text,
	`last_error` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`product_slug`, `module_slug`),
	FOREIGN KEY (`last_good_cache_key`) REFERENCES `compiled_modules`(`cache_key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `module_progress` (
	`user_id` text NOT NULL,
	`product_slug` text NOT NULL,
	`module_slug` text NOT NULL,
	`first_opened_at` integer NOT NULL,
	`completed_at` integer,
	`completed_revision` integer,
	`completed_source_hash` text,
	PRIMARY KEY(`user_id`, `product_slug`, `module_slug`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `module_sources` (
	`hash` text PRIMARY KEY NOT NULL,
	`product_slug` text NOT NULL,
	`module_slug` text NOT NULL,
	`path` text NOT NULL,
	`revision` integer NOT NULL,
	`source` text NOT NULL,
	`first_seen_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `module_sources_module_idx` ON `module_sources` (`product_slug`,`module_slug`);--> statement-breakpoint
CREATE TABLE `quiz_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`product_slug` text NOT NULL,
	`module_slug` text NOT NULL,
	`module_revision` integer NOT NULL,
	`quiz_id` text NOT NULL,
	`selected` text NOT NULL,
	`correct` integer NOT NULL,
	`attempted_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quiz_attempts_user_quiz_idx` ON `quiz_attempts` (`user_id`,`product_slug`,`quiz_id`,`attempted_at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` blob NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_verified_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sign_in_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_failures_key_at_idx` ON `sign_in_failures` (`key`,`at`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`manager_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`manager_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_name_unique` ON `teams` (`name`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`team_id` text,
	`password_hash` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_team_idx` ON `users` (`team_id`);