CREATE TABLE `escalations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trajectory_id` integer NOT NULL,
	`happened_on` text NOT NULL,
	`legal` integer DEFAULT false NOT NULL,
	`council` integer DEFAULT false NOT NULL,
	`publicity` integer DEFAULT false NOT NULL,
	`description_sealed` text,
	`author_id` integer,
	FOREIGN KEY (`trajectory_id`) REFERENCES `trajectories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `lessons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trajectory_id` integer NOT NULL,
	`at` text NOT NULL,
	`author_id` integer,
	`text` text NOT NULL,
	FOREIGN KEY (`trajectory_id`) REFERENCES `trajectories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `plan_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trajectory_id` integer NOT NULL,
	`version` integer NOT NULL,
	`at` text NOT NULL,
	`author_id` integer,
	`reason` text NOT NULL,
	`body_sealed` text NOT NULL,
	FOREIGN KEY (`trajectory_id`) REFERENCES `trajectories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_versions_idx` ON `plan_versions` (`trajectory_id`,`version`);--> statement-breakpoint
CREATE TABLE `procurement_milestones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`region_code` text NOT NULL,
	`kind` text NOT NULL,
	`due_on` text NOT NULL,
	`title` text NOT NULL,
	`reference` text,
	`note` text,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `procurement_milestones_idx` ON `procurement_milestones` (`region_code`,`due_on`);--> statement-breakpoint
CREATE TABLE `trajectories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ref` text,
	`region_code` text NOT NULL,
	`strategic_goal` text NOT NULL,
	`providers_involved` integer DEFAULT 0 NOT NULL,
	`started_on` text NOT NULL,
	`closed_on` text,
	`status` text DEFAULT 'active' NOT NULL,
	`close_reason` text,
	`needs_reanalysis` integer DEFAULT false NOT NULL,
	`forces_bundled` integer DEFAULT false NOT NULL,
	`joint_vision` integer DEFAULT false NOT NULL,
	`cooperative_formed` integer DEFAULT false NOT NULL,
	`contract_won` integer DEFAULT false NOT NULL,
	`contracts_awarded_total` integer,
	`vision_adapted` integer DEFAULT false NOT NULL,
	`import_batch_id` integer,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trajectories_ref_unique` ON `trajectories` (`ref`);--> statement-breakpoint
CREATE INDEX `trajectories_region_idx` ON `trajectories` (`region_code`);--> statement-breakpoint
CREATE INDEX `trajectories_period_idx` ON `trajectories` (`started_on`,`closed_on`);--> statement-breakpoint
CREATE TABLE `trajectory_advisers` (
	`trajectory_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`trajectory_id`, `user_id`),
	FOREIGN KEY (`trajectory_id`) REFERENCES `trajectories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `trajectory_associations` (
	`trajectory_id` integer NOT NULL,
	`association` text NOT NULL,
	PRIMARY KEY(`trajectory_id`, `association`),
	FOREIGN KEY (`trajectory_id`) REFERENCES `trajectories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `trajectory_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trajectory_id` integer NOT NULL,
	`held_on` text NOT NULL,
	`kind` text NOT NULL,
	`organisations_sealed` text NOT NULL,
	`summary_sealed` text NOT NULL,
	`author_id` integer,
	FOREIGN KEY (`trajectory_id`) REFERENCES `trajectories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `trajectory_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trajectory_id` integer NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`kind` text NOT NULL,
	`step` text,
	`detail` text,
	FOREIGN KEY (`trajectory_id`) REFERENCES `trajectories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `trajectory_events_idx` ON `trajectory_events` (`trajectory_id`,`at`);--> statement-breakpoint
CREATE TABLE `trajectory_municipalities` (
	`trajectory_id` integer NOT NULL,
	`municipality_code` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`trajectory_id`, `municipality_code`, `role`),
	FOREIGN KEY (`trajectory_id`) REFERENCES `trajectories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `trajectory_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trajectory_id` integer NOT NULL,
	`step` text NOT NULL,
	`at` text NOT NULL,
	`author_id` integer,
	`body_sealed` text NOT NULL,
	FOREIGN KEY (`trajectory_id`) REFERENCES `trajectories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `trajectory_notes_idx` ON `trajectory_notes` (`trajectory_id`,`step`);--> statement-breakpoint
CREATE TABLE `trajectory_signals` (
	`trajectory_id` integer NOT NULL,
	`signal_id` integer NOT NULL,
	PRIMARY KEY(`trajectory_id`, `signal_id`),
	FOREIGN KEY (`trajectory_id`) REFERENCES `trajectories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`signal_id`) REFERENCES `signals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `trajectory_signals_signal_idx` ON `trajectory_signals` (`signal_id`);--> statement-breakpoint
CREATE TABLE `trajectory_steps` (
	`trajectory_id` integer NOT NULL,
	`step` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`trajectory_id`, `step`),
	FOREIGN KEY (`trajectory_id`) REFERENCES `trajectories`(`id`) ON UPDATE no action ON DELETE cascade
);
