CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`file_hash` text NOT NULL,
	`row_count` integer NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` integer,
	`undone_at` text,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `signal_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signal_id` integer NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`kind` text NOT NULL,
	`detail` text,
	FOREIGN KEY (`signal_id`) REFERENCES `signals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signal_events_signal_idx` ON `signal_events` (`signal_id`,`at`);--> statement-breakpoint
CREATE TABLE `signal_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signal_id` integer NOT NULL,
	`at` text NOT NULL,
	`author_id` integer,
	`body_sealed` text NOT NULL,
	FOREIGN KEY (`signal_id`) REFERENCES `signals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signal_notes_signal_idx` ON `signal_notes` (`signal_id`,`at`);--> statement-breakpoint
CREATE TABLE `signal_triggers` (
	`signal_id` integer NOT NULL,
	`trigger` text NOT NULL,
	PRIMARY KEY(`signal_id`, `trigger`),
	FOREIGN KEY (`signal_id`) REFERENCES `signals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `signal_triggers_trigger_idx` ON `signal_triggers` (`trigger`);--> statement-breakpoint
CREATE TABLE `signals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`received_on` text NOT NULL,
	`channel` text NOT NULL,
	`requester_type` text NOT NULL,
	`referred_by` text NOT NULL,
	`region_code` text NOT NULL,
	`municipality_code` text,
	`association` text,
	`topic` text NOT NULL,
	`procurement_phase` text NOT NULL,
	`procedure` text NOT NULL,
	`funding` text NOT NULL,
	`segment` text,
	`status` text DEFAULT 'new' NOT NULL,
	`assigned_to` integer,
	`summary_sealed` text,
	`details_sealed` text,
	`reporter_name_sealed` text,
	`reporter_organisation_sealed` text,
	`reporter_email_sealed` text,
	`reporter_phone_sealed` text,
	`import_batch_id` integer,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_to`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signals_received_idx` ON `signals` (`received_on`);--> statement-breakpoint
CREATE INDEX `signals_status_received_idx` ON `signals` (`status`,`received_on`);--> statement-breakpoint
CREATE INDEX `signals_region_idx` ON `signals` (`region_code`,`received_on`);--> statement-breakpoint
CREATE INDEX `signals_topic_idx` ON `signals` (`topic`,`received_on`);--> statement-breakpoint
CREATE INDEX `signals_batch_idx` ON `signals` (`import_batch_id`);--> statement-breakpoint
CREATE INDEX `signals_assigned_idx` ON `signals` (`assigned_to`);