ALTER TABLE `claims` ADD `disputes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `claims_disputed_idx` ON `claims` ("disputes" DESC,"status" = 'disputed' DESC,"updated_at" DESC,"id" DESC) WHERE "claims"."published" = 1 AND ("claims"."disputes" > 0 OR "claims"."status" IN ('disputed', 'false'));--> statement-breakpoint
-- How many responses dispute or deny each claim (DISPUTING_STANCES in lib/stats.ts), for the home
-- page's most disputed claims: counted once here, then kept by the triggers below on every write
-- path, bulk loads included.
UPDATE `claims` SET `disputes` = (
  SELECT count(*) FROM `responses` r WHERE r.claim_id = `claims`.id AND r.stance IN ('disputes', 'denies')
) WHERE `id` IN (SELECT claim_id FROM `responses` WHERE stance IN ('disputes', 'denies'));
--> statement-breakpoint
CREATE TRIGGER `claims_disputes_insert` AFTER INSERT ON `responses`
WHEN new.stance IN ('disputes', 'denies')
BEGIN
  UPDATE `claims` SET `disputes` = `disputes` + 1 WHERE id = new.claim_id;
END;
--> statement-breakpoint
CREATE TRIGGER `claims_disputes_delete` AFTER DELETE ON `responses`
WHEN old.stance IN ('disputes', 'denies')
BEGIN
  UPDATE `claims` SET `disputes` = `disputes` - 1 WHERE id = old.claim_id;
END;
--> statement-breakpoint
CREATE TRIGGER `claims_disputes_update` AFTER UPDATE OF stance, claim_id ON `responses`
WHEN coalesce(old.stance IN ('disputes', 'denies'), 0) IS NOT coalesce(new.stance IN ('disputes', 'denies'), 0) OR old.claim_id IS NOT new.claim_id
BEGIN
  UPDATE `claims` SET `disputes` = `disputes` - 1 WHERE id = old.claim_id AND old.stance IN ('disputes', 'denies');
  UPDATE `claims` SET `disputes` = `disputes` + 1 WHERE id = new.claim_id AND new.stance IN ('disputes', 'denies');
END;
