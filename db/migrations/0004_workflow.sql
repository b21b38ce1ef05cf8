ALTER TABLE `claims` ADD `workflow` text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE `claims` ADD `assignee_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `claims` ADD `verdict_set_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `claims` ADD `pending_status` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `pending_status_note` text;--> statement-breakpoint
ALTER TABLE `claims` ADD `pending_correction` text;--> statement-breakpoint
CREATE INDEX `claims_workflow_idx` ON `claims` (`workflow`,`updated_at`);--> statement-breakpoint
CREATE INDEX `claims_assignee_idx` ON `claims` (`assignee_id`);--> statement-breakpoint
-- Claims published before the workflow existed are in its published state.
UPDATE `claims` SET `workflow` = 'published' WHERE `published` = 1;
