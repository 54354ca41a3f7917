CREATE TABLE `rate_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bucket` text NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_events_idx` ON `rate_events` (`bucket`,`key`,`at`);--> statement-breakpoint
CREATE TABLE `signal_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signal_id` integer NOT NULL,
	`at` text NOT NULL,
	`from_reporter` integer NOT NULL,
	`author_id` integer,
	`body_sealed` text NOT NULL,
	FOREIGN KEY (`signal_id`) REFERENCES `signals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signal_messages_signal_idx` ON `signal_messages` (`signal_id`,`at`);--> statement-breakpoint
ALTER TABLE `signals` ADD `receipt_hash` text;--> statement-breakpoint
ALTER TABLE `signals` ADD `has_news` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `signals_receipt_hash_unique` ON `signals` (`receipt_hash`);