ALTER TABLE `claim_sources` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `claims` ADD `pending_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `claims` ADD `pending_at` integer;--> statement-breakpoint
ALTER TABLE `claims` ADD `public_status` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `public_status_note` text;--> statement-breakpoint
ALTER TABLE `parties` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `responses` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
UPDATE `claims` SET `public_status` = `status`, `public_status_note` = `status_note` WHERE `published` = 1;--> statement-breakpoint
UPDATE `claims` SET `pending_by` = `verdict_set_by`, `pending_at` = `updated_at` WHERE `pending_status` IS NOT NULL;--> statement-breakpoint
INSERT INTO `claim_events` (`claim_id`, `actor_id`, `at`, `kind`, `before`, `after`)
  SELECT `id`, NULL, CAST(strftime('%s', 'now') AS INTEGER) * 1000, 'proposal_cleared',
    json_object('status', `pending_status`, 'note', `pending_status_note`), json_object('reason', 'unpublished')
  FROM `claims` WHERE `pending_status` IS NOT NULL AND `published` = 0;--> statement-breakpoint
UPDATE `claims` SET `pending_status` = NULL, `pending_status_note` = NULL, `pending_correction` = NULL, `pending_by` = NULL, `pending_at` = NULL
  WHERE `pending_status` IS NOT NULL AND `published` = 0;
