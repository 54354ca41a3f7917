CREATE TABLE `mailbox_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id_hash` text NOT NULL,
	`signal_id` integer,
	`received_at` text NOT NULL,
	FOREIGN KEY (`signal_id`) REFERENCES `signals`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mailbox_messages_message_id_hash_unique` ON `mailbox_messages` (`message_id_hash`);--> statement-breakpoint
DROP INDEX `signals_report_idx`;--> statement-breakpoint
ALTER TABLE `signals` ADD `awaiting_classification` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `signals_awaiting_idx` ON `signals` (`received_on`) WHERE awaiting_classification = 1;--> statement-breakpoint
CREATE INDEX `signals_report_idx` ON `signals` (`received_on`,`requester_type`,`topic`,`procurement_phase`,`channel`,`region_code`,`referred_by`,`status`,`awaiting_classification`);