CREATE TABLE `friction_flags` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`product_slug` text NOT NULL,
	`module_slug` text NOT NULL,
	`module_revision` integer NOT NULL,
	`source_hash` text NOT NULL,
	`heading_id` text NOT NULL,
	`heading_text` text NOT NULL,
	`note` text NOT NULL,
	`state` text NOT NULL,
	`reply` text,
	`replied_by_id` text,
	`replied_at` integer,
	`resolved_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`replied_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `friction_flags_state_idx` ON `friction_flags` (`state`,`product_slug`,`module_slug`,`created_at`);--> statement-breakpoint
CREATE INDEX `friction_flags_reader_idx` ON `friction_flags` (`user_id`,`product_slug`,`module_slug`,`created_at`);