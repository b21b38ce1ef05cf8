ALTER TABLE `party_redirects` ADD `from_party_id` integer;--> statement-breakpoint
CREATE INDEX `party_redirects_from_idx` ON `party_redirects` (`from_party_id`);