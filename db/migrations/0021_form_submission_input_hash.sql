ALTER TABLE `form_submissions` ADD `input_hash` text;--> statement-breakpoint
-- Results stored before this kept whatever the write returned (an article's whole body, a response's quote): keep only the ids the answers need.
UPDATE `form_submissions` SET `result` = json_object('id', json_extract(`result`, '$.id')) WHERE `form` = 'article';
--> statement-breakpoint
UPDATE `form_submissions` SET `result` = json_object('id', json_extract(`result`, '$.id'), 'articleId', json_extract(`result`, '$.articleId'), 'claimantPartyId', json_extract(`result`, '$.claimantPartyId')) WHERE `form` = 'claim';
--> statement-breakpoint
UPDATE `form_submissions` SET `result` = json_object('scope', json_extract(`result`, '$.scope')) WHERE `form` = 'response';
--> statement-breakpoint
UPDATE `form_submissions` SET `result` = json_object('scope', json_extract(`result`, '$.scope'), 'citedBy', json_extract(`result`, '$.citedBy'), 'touched', json_extract(`result`, '$.touched')) WHERE `form` = 'source';
