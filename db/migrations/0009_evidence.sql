CREATE TABLE `article_watches` (
	`article_id` integer PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`removed_paragraphs` text NOT NULL,
	`seen_hash` text NOT NULL,
	`etag` text,
	`last_modified` text,
	`state` text DEFAULT 'ok' NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	`checked_at` integer,
	`next_check_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_watches_due_idx` ON `article_watches` (`next_check_at`);--> statement-breakpoint
CREATE TABLE `fetch_hosts` (
	`host` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`backoff_until` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`key` text,
	`host` text,
	`state` text DEFAULT 'queued' NOT NULL,
	`run_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer DEFAULT 5 NOT NULL,
	`last_error` text,
	`leased_by` text,
	`lease_until` integer,
	`created_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `jobs_due_idx` ON `jobs` (`state`,`run_at`);--> statement-breakpoint
CREATE INDEX `jobs_finished_idx` ON `jobs` (`finished_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_open_key_idx` ON `jobs` (`key`) WHERE "jobs"."state" in ('queued', 'running');--> statement-breakpoint
CREATE TABLE `pending_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`body` text NOT NULL,
	`body_hash` text NOT NULL,
	`base_revision_id` integer NOT NULL,
	`fetched_url` text NOT NULL,
	`detected_at` integer NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`revision_id` integer,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`base_revision_id`) REFERENCES `article_revisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revision_id`) REFERENCES `article_revisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pending_revisions_article_idx` ON `pending_revisions` (`article_id`,`state`);--> statement-breakpoint
CREATE INDEX `pending_revisions_decided_idx` ON `pending_revisions` (`state`,`decided_at`);--> statement-breakpoint
CREATE TABLE `source_checks` (
	`source_id` integer PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	`final_url` text,
	`http_status` integer,
	`etag` text,
	`last_modified` text,
	`checked_at` integer NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`next_check_at` integer NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `source_checks_due_idx` ON `source_checks` (`next_check_at`);--> statement-breakpoint
CREATE INDEX `source_checks_state_idx` ON `source_checks` (`state`);--> statement-breakpoint
CREATE TABLE `source_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`fetched_at` integer NOT NULL,
	`final_url` text NOT NULL,
	`http_status` integer NOT NULL,
	`content_type` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`text_truncated` integer DEFAULT false NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `source_snapshots_source_idx` ON `source_snapshots` (`source_id`,`fetched_at`);