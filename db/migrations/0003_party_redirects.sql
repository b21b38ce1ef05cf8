CREATE TABLE `party_redirects` (
	`slug` text PRIMARY KEY NOT NULL,
	`party_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `party_redirects_party_idx` ON `party_redirects` (`party_id`);