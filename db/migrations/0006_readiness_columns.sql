ALTER TABLE `rep_statuses` ADD `progress` real;--> statement-breakpoint
ALTER TABLE `rep_statuses` ADD `retake_needed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `rep_statuses` ADD `expires_at` integer;--> statement-breakpoint
CREATE INDEX `rep_statuses_product_status_idx` ON `rep_statuses` (`product_slug`,`status`,`user_id`);--> statement-breakpoint
CREATE INDEX `rep_statuses_deadline_idx` ON `rep_statuses` (`status`,`refresh_deadline`,`user_id`);--> statement-breakpoint
CREATE INDEX `rep_statuses_expiry_idx` ON `rep_statuses` (`expires_at`,`status`,`user_id`);