CREATE TABLE `swept_products` (
	`product_slug` text PRIMARY KEY NOT NULL,
	`fingerprint` text NOT NULL,
	`swept_at` integer NOT NULL
);
