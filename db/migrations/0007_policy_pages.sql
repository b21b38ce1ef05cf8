CREATE TABLE `policy_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`page` text NOT NULL,
	`body` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `policy_revisions_page_idx` ON `policy_revisions` (`page`,`id`);--> statement-breakpoint
-- A policy page's history is append-only: an old version readers saw cannot be rewritten.
CREATE TRIGGER `policy_revisions_no_update` BEFORE UPDATE ON `policy_revisions` BEGIN
  SELECT RAISE(ABORT, 'policy_revisions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `policy_revisions_no_delete` BEFORE DELETE ON `policy_revisions` BEGIN
  SELECT RAISE(ABORT, 'policy_revisions is append-only');
END;
