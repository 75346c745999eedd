CREATE INDEX `certifications_user_idx` ON `certifications` (`user_id`,`issued_at`);--> statement-breakpoint
CREATE INDEX `module_sources_revision_seen_idx` ON `module_sources` (`product_slug`,`module_slug`,`revision`,`first_seen_at`);--> statement-breakpoint
CREATE INDEX `quiz_attempts_user_time_idx` ON `quiz_attempts` (`user_id`,`product_slug`,`attempted_at`);