CREATE TABLE `change_counter` (
	`id` integer PRIMARY KEY NOT NULL,
	`counted` integer DEFAULT 0 NOT NULL,
	`logged` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `change_counter` (`id`, `counted`, `logged`) VALUES (1, 0, 0);
