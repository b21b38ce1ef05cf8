CREATE TABLE `external_review_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`added` integer NOT NULL,
	`skipped` integer NOT NULL,
	`imported_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `external_review_matches` (
	`review_id` integer NOT NULL,
	`claim_id` integer NOT NULL,
	`state` text DEFAULT 'suggested' NOT NULL,
	`shared` integer DEFAULT 0 NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`review_id`, `claim_id`),
	FOREIGN KEY (`review_id`) REFERENCES `external_reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `external_review_matches_claim_idx` ON `external_review_matches` (`claim_id`,`state`);--> statement-breakpoint
CREATE TABLE `external_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`review_url` text NOT NULL,
	`organisation` text NOT NULL,
	`organisation_url` text,
	`claim_reviewed` text NOT NULL,
	`claimant` text DEFAULT '' NOT NULL,
	`rating` text NOT NULL,
	`rating_value` real,
	`best_rating` real,
	`worst_rating` real,
	`date_published` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `external_review_imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `external_reviews_review_url_unique` ON `external_reviews` (`review_url`);--> statement-breakpoint
CREATE INDEX `external_reviews_import_idx` ON `external_reviews` (`import_id`);