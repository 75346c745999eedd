CREATE TABLE `handoff_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`handoff_id` text NOT NULL,
	`actor_id` text,
	`kind` text NOT NULL,
	`message` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`handoff_id`) REFERENCES `handoffs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `handoff_events_handoff_idx` ON `handoff_events` (`handoff_id`,`at`);--> statement-breakpoint
CREATE TABLE `handoff_friction` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`handoff_id` text NOT NULL,
	`module_slug` text NOT NULL,
	`text` text NOT NULL,
	`told` integer NOT NULL,
	FOREIGN KEY (`handoff_id`) REFERENCES `handoffs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `handoff_friction_handoff_idx` ON `handoff_friction` (`handoff_id`);--> statement-breakpoint
CREATE TABLE `handoff_promises` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`handoff_id` text NOT NULL,
	`text` text NOT NULL,
	`module_slug` text NOT NULL,
	`week` integer,
	FOREIGN KEY (`handoff_id`) REFERENCES `handoffs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `handoff_promises_handoff_idx` ON `handoff_promises` (`handoff_id`);--> statement-breakpoint
CREATE TABLE `handoffs` (
	`id` text PRIMARY KEY NOT NULL,
	`rep_id` text NOT NULL,
	`csm_id` text NOT NULL,
	`account_name` text NOT NULL,
	`product_slug` text NOT NULL,
	`go_live_target` text NOT NULL,
	`state` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`certification_id` text NOT NULL,
	`module_revisions` text NOT NULL,
	`supersedes_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`rep_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`csm_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supersedes_id`) REFERENCES `handoffs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `handoffs_rep_idx` ON `handoffs` (`rep_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `handoffs_csm_idx` ON `handoffs` (`csm_id`,`created_at`);