CREATE TABLE `claim_stats` (
	`claim_id` integer PRIMARY KEY NOT NULL,
	`verdict_at` integer NOT NULL,
	`published` integer NOT NULL,
	`withdrawn` integer NOT NULL,
	`status` text NOT NULL,
	`claimant_kind` text,
	`outlet` text NOT NULL,
	`first_seen_at` integer NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `claim_stats_verdict_idx` ON `claim_stats` (`verdict_at`,`published`,`withdrawn`,`status`,`claimant_kind`,`outlet`,`first_seen_at`);--> statement-breakpoint
CREATE INDEX `claim_events_kind_idx` ON `claim_events` (`kind`,`at`);--> statement-breakpoint
CREATE INDEX `claims_visibility_idx` ON `claims` (`id`,`published`,`withdrawn_at`);--> statement-breakpoint
CREATE INDEX `responses_requested_idx` ON `responses` (`requested_at`);--> statement-breakpoint
-- When readers first saw a verdict on a claim: the earliest public event (a publication, a
-- public status change, a correction, or a claim created already published) whose status is
-- not "unverified". The row also copies what the charts group by; the triggers after this one
-- keep those copies in step with claims, articles and parties.
CREATE TRIGGER `claim_stats_verdict` AFTER INSERT ON `claim_events`
WHEN json_extract(new.after, '$.status') IS NOT NULL
  AND json_extract(new.after, '$.status') != 'unverified'
  AND (new.kind IN ('published', 'status_changed', 'corrected')
    OR (new.kind = 'created' AND json_extract(new.after, '$.published') = 1))
BEGIN
  INSERT INTO claim_stats (claim_id, verdict_at, published, withdrawn, status, claimant_kind, outlet, first_seen_at)
  SELECT c.id, new.at, c.published, c.withdrawn_at IS NOT NULL, c.status, p.kind, trim(a.outlet),
         coalesce(min(a.published_at, c.created_at), c.created_at)
  FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN parties p ON p.id = c.claimant_party_id
  WHERE c.id = new.claim_id
  ON CONFLICT (claim_id) DO UPDATE SET verdict_at = min(verdict_at, excluded.verdict_at);
END;
--> statement-breakpoint
CREATE TRIGGER `claim_stats_claim` AFTER UPDATE OF status, published, withdrawn_at, claimant_party_id, article_id, created_at ON `claims`
BEGIN
  UPDATE claim_stats SET
    published = new.published,
    withdrawn = new.withdrawn_at IS NOT NULL,
    status = new.status,
    claimant_kind = (SELECT kind FROM parties WHERE id = new.claimant_party_id),
    outlet = (SELECT trim(outlet) FROM articles WHERE id = new.article_id),
    first_seen_at = coalesce(min((SELECT published_at FROM articles WHERE id = new.article_id), new.created_at), new.created_at)
  WHERE claim_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `claim_stats_article` AFTER UPDATE OF outlet, published_at ON `articles`
BEGIN
  UPDATE claim_stats SET
    outlet = trim(new.outlet),
    first_seen_at = (SELECT coalesce(min(new.published_at, c.created_at), c.created_at) FROM claims c WHERE c.id = claim_stats.claim_id)
  WHERE claim_id IN (SELECT id FROM claims WHERE article_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `claim_stats_party` AFTER UPDATE OF kind ON `parties`
BEGIN
  UPDATE claim_stats SET claimant_kind = new.kind WHERE claim_id IN (SELECT id FROM claims WHERE claimant_party_id = new.id);
END;
--> statement-breakpoint
INSERT INTO claim_stats (claim_id, verdict_at, published, withdrawn, status, claimant_kind, outlet, first_seen_at)
SELECT c.id, f.at, c.published, c.withdrawn_at IS NOT NULL, c.status, p.kind, trim(a.outlet),
       coalesce(min(a.published_at, c.created_at), c.created_at)
FROM (
  SELECT claim_id, min(at) AS at FROM claim_events
  WHERE json_extract(after, '$.status') IS NOT NULL
    AND json_extract(after, '$.status') != 'unverified'
    AND (kind IN ('published', 'status_changed', 'corrected')
      OR (kind = 'created' AND json_extract(after, '$.published') = 1))
  GROUP BY claim_id
) f
JOIN claims c ON c.id = f.claim_id JOIN articles a ON a.id = c.article_id LEFT JOIN parties p ON p.id = c.claimant_party_id;
