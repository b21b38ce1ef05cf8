ALTER TABLE `articles` ADD `demo` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `claims` ADD `withdrawn_at` integer;--> statement-breakpoint
ALTER TABLE `claims` ADD `withdrawal_note` text;--> statement-breakpoint
ALTER TABLE `parties` ADD `demo` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sources` ADD `demo` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Databases seeded before the demo was marked: the first-run demo's rows, found by what the seed wrote (no author, its slugs and addresses).
UPDATE `articles` SET `demo` = 1 WHERE `created_by` IS NULL AND `slug` IN ('riverside-says-its-new-bus-lanes-cut-commutes-by-a-fifth', 'glassworks-expansion-a-jobs-promise-meets-questions-over-the') AND EXISTS (SELECT 1 FROM `meta` WHERE `key` = 'first_run_done');--> statement-breakpoint
UPDATE `parties` SET `demo` = 1 WHERE `slug` IN ('riverside-city-council', 'zoe-marchetti', 'riverside-transit-authority', 'riverside-drivers-association', 'kestrel-glassworks', 'tamsin-valley-water-board', 'friends-of-the-tamsin') AND EXISTS (SELECT 1 FROM `articles` WHERE `demo` = 1);--> statement-breakpoint
UPDATE `sources` SET `demo` = 1 WHERE `url` IN ('https://riverside-council.example/reports/quay-road-traffic-2026', 'https://riverside-transit.example/data/route-7-ridership', 'https://riverside-council.example/budget/2026-transport-capital', 'https://kestrel-glass.example/planning-statement.pdf', 'https://tamsin-water.example/gauges/elder-bridge') AND EXISTS (SELECT 1 FROM `articles` WHERE `demo` = 1);--> statement-breakpoint
-- History stays append-only for every claim readers may have seen. Only two kinds of claim may lose their
-- events, and only because the claim itself is being deleted in the same transaction: a claim readers never saw
-- (not published, never withdrawn, no publication in its history) and a claim of the demo newsroom.
DROP TRIGGER `claim_events_no_delete`;--> statement-breakpoint
CREATE TRIGGER `claim_events_no_delete` BEFORE DELETE ON `claim_events`
WHEN NOT EXISTS (
  SELECT 1 FROM `claims` c JOIN `articles` a ON a.id = c.article_id
  WHERE c.id = old.claim_id AND (
    a.demo = 1 OR (
      c.published = 0 AND c.withdrawn_at IS NULL AND NOT EXISTS (
        SELECT 1 FROM `claim_events` e WHERE e.claim_id = c.id
          AND (e.kind = 'published' OR (e.kind = 'created' AND json_extract(e.after, '$.published') = 1))
      )
    )
  )
)
BEGIN
  SELECT RAISE(ABORT, 'claim_events is append-only');
END;
