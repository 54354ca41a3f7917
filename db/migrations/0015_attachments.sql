CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signal_id` integer,
	`name_sealed` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`content_sealed` text NOT NULL,
	`added_at` text NOT NULL,
	`added_by` integer,
	FOREIGN KEY (`signal_id`) REFERENCES `signals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "attachments_owner" CHECK("attachments"."signal_id" is not null)
);
--> statement-breakpoint
CREATE INDEX `attachments_signal_idx` ON `attachments` (`signal_id`);