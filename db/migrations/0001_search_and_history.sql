-- Full-text search over claims: statement, exact quote, claimant name, article title.
-- rowid is the claim id. Triggers keep it in step with every table it copies from.
CREATE VIRTUAL TABLE `claims_fts` USING fts5(
  statement, quote, claimant, article,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `claims_fts` (rowid, statement, quote, claimant, article)
SELECT c.id, c.statement, c.anchor_exact, coalesce(p.name, ''), a.title
FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN parties p ON p.id = c.claimant_party_id;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_insert` AFTER INSERT ON `claims` BEGIN
  INSERT INTO claims_fts (rowid, statement, quote, claimant, article) VALUES (
    new.id, new.statement, new.anchor_exact,
    coalesce((SELECT name FROM parties WHERE id = new.claimant_party_id), ''),
    coalesce((SELECT title FROM articles WHERE id = new.article_id), '')
  );
END;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_update` AFTER UPDATE OF statement, anchor_exact, claimant_party_id, article_id ON `claims` BEGIN
  DELETE FROM claims_fts WHERE rowid = old.id;
  INSERT INTO claims_fts (rowid, statement, quote, claimant, article) VALUES (
    new.id, new.statement, new.anchor_exact,
    coalesce((SELECT name FROM parties WHERE id = new.claimant_party_id), ''),
    coalesce((SELECT title FROM articles WHERE id = new.article_id), '')
  );
END;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_delete` AFTER DELETE ON `claims` BEGIN
  DELETE FROM claims_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_party_name` AFTER UPDATE OF name ON `parties` BEGIN
  UPDATE claims_fts SET claimant = new.name
  WHERE rowid IN (SELECT id FROM claims WHERE claimant_party_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_article_title` AFTER UPDATE OF title ON `articles` BEGIN
  UPDATE claims_fts SET article = new.title
  WHERE rowid IN (SELECT id FROM claims WHERE article_id = new.id);
END;
--> statement-breakpoint
-- A claim's history is append-only: the database itself refuses to change or remove an event.
CREATE TRIGGER `claim_events_no_update` BEFORE UPDATE ON `claim_events` BEGIN
  SELECT RAISE(ABORT, 'claim_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `claim_events_no_delete` BEFORE DELETE ON `claim_events` BEGIN
  SELECT RAISE(ABORT, 'claim_events is append-only');
END;
