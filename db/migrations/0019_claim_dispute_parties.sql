-- claims.disputes counts the parties disputing or denying each claim, not their responses: one
-- party's two disputing responses (a statement, then a follow-up) made the home page say
-- "2 parties disputing". Counted again here, then recounted for the claims a write touches.
DROP TRIGGER IF EXISTS `claims_disputes_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `claims_disputes_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `claims_disputes_update`;--> statement-breakpoint
UPDATE `claims` SET `disputes` = (
  SELECT count(DISTINCT r.party_id) FROM `responses` r WHERE r.claim_id = `claims`.id AND r.stance IN ('disputes', 'denies')
) WHERE `disputes` > 0;--> statement-breakpoint
CREATE TRIGGER `claims_disputes_insert` AFTER INSERT ON `responses`
WHEN new.stance IN ('disputes', 'denies')
BEGIN
  UPDATE `claims` SET `disputes` = (SELECT count(DISTINCT party_id) FROM `responses` WHERE claim_id = new.claim_id AND stance IN ('disputes', 'denies'))
  WHERE id = new.claim_id AND `disputes` IS NOT (SELECT count(DISTINCT party_id) FROM `responses` WHERE claim_id = new.claim_id AND stance IN ('disputes', 'denies'));
END;--> statement-breakpoint
CREATE TRIGGER `claims_disputes_delete` AFTER DELETE ON `responses`
WHEN old.stance IN ('disputes', 'denies')
BEGIN
  UPDATE `claims` SET `disputes` = (SELECT count(DISTINCT party_id) FROM `responses` WHERE claim_id = old.claim_id AND stance IN ('disputes', 'denies'))
  WHERE id = old.claim_id AND `disputes` IS NOT (SELECT count(DISTINCT party_id) FROM `responses` WHERE claim_id = old.claim_id AND stance IN ('disputes', 'denies'));
END;--> statement-breakpoint
CREATE TRIGGER `claims_disputes_update` AFTER UPDATE OF stance, claim_id, party_id ON `responses`
WHEN coalesce(old.stance IN ('disputes', 'denies'), 0) OR coalesce(new.stance IN ('disputes', 'denies'), 0)
BEGIN
  UPDATE `claims` SET `disputes` = (SELECT count(DISTINCT party_id) FROM `responses` WHERE claim_id = old.claim_id AND stance IN ('disputes', 'denies'))
  WHERE id = old.claim_id AND `disputes` IS NOT (SELECT count(DISTINCT party_id) FROM `responses` WHERE claim_id = old.claim_id AND stance IN ('disputes', 'denies'));
  UPDATE `claims` SET `disputes` = (SELECT count(DISTINCT party_id) FROM `responses` WHERE claim_id = new.claim_id AND stance IN ('disputes', 'denies'))
  WHERE id = new.claim_id AND `disputes` IS NOT (SELECT count(DISTINCT party_id) FROM `responses` WHERE claim_id = new.claim_id AND stance IN ('disputes', 'denies'));
END;
