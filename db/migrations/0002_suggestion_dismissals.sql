CREATE TABLE `suggestion_dismissals` (
	`article_id` integer NOT NULL,
	`exact` text NOT NULL,
	`dismissed_by` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`article_id`, `exact`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dismissed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
