CREATE TABLE `product_configs` (
	`product_slug` text PRIMARY KEY NOT NULL,
	`config` text NOT NULL,
	`source_hash` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `track_retakes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`product_slug` text NOT NULL,
	`granted_by_id` text,
	`granted_at` integer NOT NULL,
	`score_before` real NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`granted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `track_retakes_user_idx` ON `track_retakes` (`user_id`,`product_slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `teams_one_per_manager_idx` ON `teams` (`manager_id`) WHERE manager_id IS NOT NULL;