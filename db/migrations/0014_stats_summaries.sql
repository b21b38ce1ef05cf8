-- Summaries for the statistics pages (#15). Written by drizzle-kit, then by hand: WITHOUT ROWID
-- (the primary key is the table, so a period's rows come with their counts in one range read),
-- the expression index (drizzle-kit splits coalesce() at its comma), and the triggers and
-- backfill after the indexes.
CREATE TABLE `stats_reply_counts` (
	`month` integer NOT NULL,
	`published` integer NOT NULL,
	`withdrawn` integer NOT NULL,
	`outcome` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`month`, `published`, `withdrawn`, `outcome`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `stats_verdict_counts` (
	`dim` text NOT NULL,
	`month` integer NOT NULL,
	`bucket` integer NOT NULL,
	`label` text NOT NULL,
	`published` integer NOT NULL,
	`withdrawn` integer NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`dim`, `month`, `bucket`, `label`, `published`, `withdrawn`, `status`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `claims_open_idx` ON `claims` (`workflow`,`assignee_id`) WHERE "claims"."withdrawn_at" IS NULL AND ("claims"."workflow" != 'published' OR "claims"."pending_status" IS NOT NULL);--> statement-breakpoint
CREATE INDEX `claims_sign_off_idx` ON `claims` (`pending_at`,`updated_at`) WHERE "claims"."withdrawn_at" IS NULL AND ("claims"."workflow" = 'ready_for_review' OR "claims"."pending_status" IS NOT NULL);--> statement-breakpoint
CREATE INDEX `responses_open_idx` ON `responses` (`requested_at`,`deadline_at`,`claim_id`) WHERE "responses"."stance" IS NULL AND "responses"."requested_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `responses_answered_late_idx` ON `responses` (coalesce(`responded_at`, `updated_at`), `deadline_at`, `claim_id`) WHERE `stance` IS NOT NULL AND `requested_at` IS NOT NULL AND coalesce(`responded_at`, `updated_at`) > `deadline_at`;
--> statement-breakpoint
-- stats_verdict_counts follows claim_stats: each claim_stats row counts once in each dimension,
-- under the month of its verdict (see db/schema.ts). An update that changes nothing counted
-- does nothing; any other takes the old row's counts away and adds the new row's. A count that
-- falls to zero is deleted, so the tables hold what a count from scratch would.
CREATE TRIGGER `stats_verdicts_insert` AFTER INSERT ON `claim_stats`
BEGIN
  INSERT INTO stats_verdict_counts (dim, month, bucket, label, published, withdrawn, status, n)
  SELECT d.dim, CAST(strftime('%s', new.verdict_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000, d.bucket, d.label,
         new.published, new.withdrawn, new.status, 1
  FROM (SELECT 'week' AS dim, (new.verdict_at / 86400000) - (((new.verdict_at / 86400000) + 3) % 7) AS bucket, '' AS label
        UNION ALL SELECT 'wait', (max(0, new.verdict_at - new.first_seen_at) + 4320000) / 8640000, ''
        UNION ALL SELECT 'kind', 0, coalesce(new.claimant_kind, '')
        UNION ALL SELECT 'outlet', 0, new.outlet) d
  WHERE true
  ON CONFLICT (dim, month, bucket, label, published, withdrawn, status) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `stats_verdicts_delete` AFTER DELETE ON `claim_stats`
BEGIN
  UPDATE stats_verdict_counts SET n = n - 1
  WHERE month = CAST(strftime('%s', old.verdict_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000
    AND published = old.published AND withdrawn = old.withdrawn AND status = old.status
    AND ((dim = 'week' AND bucket = (old.verdict_at / 86400000) - (((old.verdict_at / 86400000) + 3) % 7) AND label = '')
      OR (dim = 'wait' AND bucket = (max(0, old.verdict_at - old.first_seen_at) + 4320000) / 8640000 AND label = '')
      OR (dim = 'kind' AND bucket = 0 AND label = coalesce(old.claimant_kind, ''))
      OR (dim = 'outlet' AND bucket = 0 AND label = old.outlet));
  DELETE FROM stats_verdict_counts
  WHERE n = 0 AND month = CAST(strftime('%s', old.verdict_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000
    AND published = old.published AND withdrawn = old.withdrawn AND status = old.status
    AND ((dim = 'week' AND bucket = (old.verdict_at / 86400000) - (((old.verdict_at / 86400000) + 3) % 7) AND label = '')
      OR (dim = 'wait' AND bucket = (max(0, old.verdict_at - old.first_seen_at) + 4320000) / 8640000 AND label = '')
      OR (dim = 'kind' AND bucket = 0 AND label = coalesce(old.claimant_kind, ''))
      OR (dim = 'outlet' AND bucket = 0 AND label = old.outlet));
END;
--> statement-breakpoint
CREATE TRIGGER `stats_verdicts_update` AFTER UPDATE ON `claim_stats`
WHEN old.verdict_at IS NOT new.verdict_at OR old.first_seen_at IS NOT new.first_seen_at OR old.published IS NOT new.published
  OR old.withdrawn IS NOT new.withdrawn OR old.status IS NOT new.status OR old.claimant_kind IS NOT new.claimant_kind OR old.outlet IS NOT new.outlet
BEGIN
  UPDATE stats_verdict_counts SET n = n - 1
  WHERE month = CAST(strftime('%s', old.verdict_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000
    AND published = old.published AND withdrawn = old.withdrawn AND status = old.status
    AND ((dim = 'week' AND bucket = (old.verdict_at / 86400000) - (((old.verdict_at / 86400000) + 3) % 7) AND label = '')
      OR (dim = 'wait' AND bucket = (max(0, old.verdict_at - old.first_seen_at) + 4320000) / 8640000 AND label = '')
      OR (dim = 'kind' AND bucket = 0 AND label = coalesce(old.claimant_kind, ''))
      OR (dim = 'outlet' AND bucket = 0 AND label = old.outlet));
  DELETE FROM stats_verdict_counts
  WHERE n = 0 AND month = CAST(strftime('%s', old.verdict_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000
    AND published = old.published AND withdrawn = old.withdrawn AND status = old.status
    AND ((dim = 'week' AND bucket = (old.verdict_at / 86400000) - (((old.verdict_at / 86400000) + 3) % 7) AND label = '')
      OR (dim = 'wait' AND bucket = (max(0, old.verdict_at - old.first_seen_at) + 4320000) / 8640000 AND label = '')
      OR (dim = 'kind' AND bucket = 0 AND label = coalesce(old.claimant_kind, ''))
      OR (dim = 'outlet' AND bucket = 0 AND label = old.outlet));
  INSERT INTO stats_verdict_counts (dim, month, bucket, label, published, withdrawn, status, n)
  SELECT d.dim, CAST(strftime('%s', new.verdict_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000, d.bucket, d.label,
         new.published, new.withdrawn, new.status, 1
  FROM (SELECT 'week' AS dim, (new.verdict_at / 86400000) - (((new.verdict_at / 86400000) + 3) % 7) AS bucket, '' AS label
        UNION ALL SELECT 'wait', (max(0, new.verdict_at - new.first_seen_at) + 4320000) / 8640000, ''
        UNION ALL SELECT 'kind', 0, coalesce(new.claimant_kind, '')
        UNION ALL SELECT 'outlet', 0, new.outlet) d
  WHERE true
  ON CONFLICT (dim, month, bucket, label, published, withdrawn, status) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
-- stats_reply_counts follows responses, and their claims' flags. A request with no answer
-- recorded is not counted here (whether it is overdue depends on the hour).
CREATE TRIGGER `stats_replies_insert` AFTER INSERT ON `responses`
WHEN new.requested_at IS NOT NULL AND new.stance IS NOT NULL
BEGIN
  INSERT INTO stats_reply_counts (month, published, withdrawn, outcome, n)
  SELECT CAST(strftime('%s', new.requested_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000, c.published, c.withdrawn_at IS NOT NULL,
         CASE WHEN new.stance = 'no_response' THEN 'never' WHEN new.responded_at > new.deadline_at THEN 'late' ELSE 'onTime' END, 1
  FROM claims c WHERE c.id = new.claim_id
  ON CONFLICT (month, published, withdrawn, outcome) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
-- A claim's deletion takes its responses' counts away before the cascade deletes them (the
-- claim is gone by the time their own triggers run, which then change nothing).
CREATE TRIGGER `stats_replies_delete` AFTER DELETE ON `responses`
WHEN old.requested_at IS NOT NULL AND old.stance IS NOT NULL
BEGIN
  UPDATE stats_reply_counts SET n = n - 1
  WHERE (month, published, withdrawn, outcome) IN (
    SELECT CAST(strftime('%s', old.requested_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000, c.published, c.withdrawn_at IS NOT NULL,
           CASE WHEN old.stance = 'no_response' THEN 'never' WHEN old.responded_at > old.deadline_at THEN 'late' ELSE 'onTime' END
    FROM claims c WHERE c.id = old.claim_id);
  DELETE FROM stats_reply_counts WHERE n = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `stats_replies_update` AFTER UPDATE OF stance, requested_at, responded_at, deadline_at, claim_id ON `responses`
BEGIN
  UPDATE stats_reply_counts SET n = n - 1
  WHERE old.requested_at IS NOT NULL AND old.stance IS NOT NULL AND (month, published, withdrawn, outcome) IN (
    SELECT CAST(strftime('%s', old.requested_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000, c.published, c.withdrawn_at IS NOT NULL,
           CASE WHEN old.stance = 'no_response' THEN 'never' WHEN old.responded_at > old.deadline_at THEN 'late' ELSE 'onTime' END
    FROM claims c WHERE c.id = old.claim_id);
  INSERT INTO stats_reply_counts (month, published, withdrawn, outcome, n)
  SELECT CAST(strftime('%s', new.requested_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000, c.published, c.withdrawn_at IS NOT NULL,
         CASE WHEN new.stance = 'no_response' THEN 'never' WHEN new.responded_at > new.deadline_at THEN 'late' ELSE 'onTime' END, 1
  FROM claims c WHERE c.id = new.claim_id AND new.requested_at IS NOT NULL AND new.stance IS NOT NULL
  ON CONFLICT (month, published, withdrawn, outcome) DO UPDATE SET n = n + 1;
  DELETE FROM stats_reply_counts WHERE n = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `stats_replies_claim` AFTER UPDATE OF published, withdrawn_at ON `claims`
WHEN old.published IS NOT new.published OR (old.withdrawn_at IS NULL) IS NOT (new.withdrawn_at IS NULL)
BEGIN
  INSERT INTO stats_reply_counts (month, published, withdrawn, outcome, n)
  SELECT m, f.published, f.withdrawn, o, f.sign * count(*) FROM (
    SELECT CAST(strftime('%s', r.requested_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 AS m,
           CASE WHEN r.stance = 'no_response' THEN 'never' WHEN r.responded_at > r.deadline_at THEN 'late' ELSE 'onTime' END AS o
    FROM responses r WHERE r.claim_id = new.id AND r.requested_at IS NOT NULL AND r.stance IS NOT NULL
  ), (SELECT old.published AS published, old.withdrawn_at IS NOT NULL AS withdrawn, -1 AS sign
      UNION ALL SELECT new.published, new.withdrawn_at IS NOT NULL, 1) f
  GROUP BY m, f.published, f.withdrawn, o, f.sign
  ON CONFLICT (month, published, withdrawn, outcome) DO UPDATE SET n = n + excluded.n;
  DELETE FROM stats_reply_counts WHERE n = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `stats_replies_claim_delete` BEFORE DELETE ON `claims`
BEGIN
  UPDATE stats_reply_counts SET n = n - (
    SELECT count(*) FROM responses r
    WHERE r.claim_id = old.id AND r.requested_at IS NOT NULL AND r.stance IS NOT NULL
      AND CAST(strftime('%s', r.requested_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 = stats_reply_counts.month
      AND CASE WHEN r.stance = 'no_response' THEN 'never' WHEN r.responded_at > r.deadline_at THEN 'late' ELSE 'onTime' END = stats_reply_counts.outcome)
  WHERE published = old.published AND withdrawn = (old.withdrawn_at IS NOT NULL);
  DELETE FROM stats_reply_counts WHERE n = 0;
END;
--> statement-breakpoint
INSERT INTO stats_verdict_counts (dim, month, bucket, label, published, withdrawn, status, n)
SELECT d.dim, CAST(strftime('%s', s.verdict_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 AS m,
       CASE d.dim WHEN 'week' THEN (s.verdict_at / 86400000) - (((s.verdict_at / 86400000) + 3) % 7)
                  WHEN 'wait' THEN (max(0, s.verdict_at - s.first_seen_at) + 4320000) / 8640000 ELSE 0 END AS b,
       CASE d.dim WHEN 'kind' THEN coalesce(s.claimant_kind, '') WHEN 'outlet' THEN s.outlet ELSE '' END AS l,
       s.published, s.withdrawn, s.status, count(*)
FROM claim_stats s, (SELECT 'week' AS dim UNION ALL SELECT 'wait' UNION ALL SELECT 'kind' UNION ALL SELECT 'outlet') d
GROUP BY d.dim, m, b, l, s.published, s.withdrawn, s.status;
--> statement-breakpoint
INSERT INTO stats_reply_counts (month, published, withdrawn, outcome, n)
SELECT CAST(strftime('%s', r.requested_at / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 AS m, c.published, c.withdrawn_at IS NOT NULL AS w,
       CASE WHEN r.stance = 'no_response' THEN 'never' WHEN r.responded_at > r.deadline_at THEN 'late' ELSE 'onTime' END AS o, count(*)
FROM responses r JOIN claims c ON c.id = r.claim_id
WHERE r.requested_at IS NOT NULL AND r.stance IS NOT NULL
GROUP BY m, c.published, w, o;
