ALTER TABLE `cache_tags` ADD `purge_due` integer;--> statement-breakpoint
CREATE INDEX `cache_tags_purge_due` ON `cache_tags` (`purge_due`) WHERE "cache_tags"."purge_due" IS NOT NULL;