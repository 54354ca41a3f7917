CREATE TABLE `tenderned_aliases` (
	`name_key` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`region_code` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tenderned_days` (
	`day` text PRIMARY KEY NOT NULL,
	`rows` integer NOT NULL,
	`completed_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tenderned_milestones` (
	`procurement_key` text NOT NULL,
	`region_code` text NOT NULL,
	`kind` text NOT NULL,
	`milestone_id` integer NOT NULL,
	PRIMARY KEY(`procurement_key`, `region_code`, `kind`),
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`milestone_id`) REFERENCES `procurement_milestones`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `tenderned_publications` (
	`publicatie_id` text PRIMARY KEY NOT NULL,
	`procurement_key` text NOT NULL,
	`published_on` text NOT NULL,
	`type_code` text NOT NULL,
	`type_label` text NOT NULL,
	`title` text NOT NULL,
	`authority` text NOT NULL,
	`description` text NOT NULL,
	`closing_on` text,
	`link` text,
	`cpv_codes` text DEFAULT '' NOT NULL,
	`content` text NOT NULL,
	`youth_care` integer NOT NULL,
	`region_code` text,
	`first_seen_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tenderned_publications_list_idx` ON `tenderned_publications` (`youth_care`,`published_on`);--> statement-breakpoint
CREATE INDEX `tenderned_publications_authority_idx` ON `tenderned_publications` (`authority`);--> statement-breakpoint
CREATE TABLE `tenderned_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trigger` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`status` text NOT NULL,
	`message` text,
	`days` integer DEFAULT 0 NOT NULL,
	`read` integer DEFAULT 0 NOT NULL,
	`matched` integer DEFAULT 0 NOT NULL,
	`unassigned` integer DEFAULT 0 NOT NULL,
	`milestones_changed` integer DEFAULT 0 NOT NULL,
	`requests` integer DEFAULT 0 NOT NULL
);
