PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signal_id` integer,
	`trajectory_id` integer,
	`milestone_id` integer,
	`name_sealed` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`content_sealed` text NOT NULL,
	`added_at` text NOT NULL,
	`added_by` integer,
	FOREIGN KEY (`signal_id`) REFERENCES `signals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`trajectory_id`) REFERENCES `trajectories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`milestone_id`) REFERENCES `procurement_milestones`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "attachments_owner" CHECK(("__new_attachments"."signal_id" is not null) + ("__new_attachments"."trajectory_id" is not null) + ("__new_attachments"."milestone_id" is not null) = 1)
);
--> statement-breakpoint
INSERT INTO `__new_attachments`("id", "signal_id", "trajectory_id", "milestone_id", "name_sealed", "content_type", "size", "content_sealed", "added_at", "added_by") SELECT "id", "signal_id", NULL, NULL, "name_sealed", "content_type", "size", "content_sealed", "added_at", "added_by" FROM `attachments`;--> statement-breakpoint
DROP TABLE `attachments`;--> statement-breakpoint
ALTER TABLE `__new_attachments` RENAME TO `attachments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `attachments_signal_idx` ON `attachments` (`signal_id`);--> statement-breakpoint
CREATE INDEX `attachments_trajectory_idx` ON `attachments` (`trajectory_id`);--> statement-breakpoint
CREATE INDEX `attachments_milestone_idx` ON `attachments` (`milestone_id`);