CREATE TABLE `form_submissions` (
	`key` text PRIMARY KEY NOT NULL,
	`form` text NOT NULL,
	`actor_id` text NOT NULL,
	`result` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `form_submissions_created_idx` ON `form_submissions` (`created_at`);