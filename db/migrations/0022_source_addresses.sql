-- Source addresses as lib/page-url.ts sourceAddress stores them from now on (lower-case scheme and host, no
-- default port, fragment or tracking parameters), through the SQL function db/open.ts registers for it.
-- A row whose address is already another row's is left as it is: the two sources keep their own
-- citations, archived copies and link checks (docs/architecture.md, "Sources, responses and parties").
-- Of several rows with one new address, the oldest takes it.
CREATE TEMP TABLE `source_address_moves` AS
  SELECT `id`, claimline_source_address(`url`) AS `address` FROM `sources` WHERE claimline_source_address(`url`) <> `url`;--> statement-breakpoint
UPDATE `sources` SET `url` = (SELECT `address` FROM `source_address_moves` m WHERE m.`id` = `sources`.`id`)
WHERE `id` IN (
  SELECT min(m.`id`) FROM `source_address_moves` m
  WHERE NOT EXISTS (SELECT 1 FROM `sources` s WHERE s.`url` = m.`address`)
  GROUP BY m.`address`
);--> statement-breakpoint
DROP TABLE `source_address_moves`;
