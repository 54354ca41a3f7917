CREATE TABLE `knowledge_article_signals` (
	`article_id` integer NOT NULL,
	`signal_id` integer NOT NULL,
	PRIMARY KEY(`article_id`, `signal_id`),
	FOREIGN KEY (`article_id`) REFERENCES `knowledge_articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`signal_id`) REFERENCES `signals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `knowledge_article_signals_signal_idx` ON `knowledge_article_signals` (`signal_id`);--> statement-breakpoint
CREATE TABLE `knowledge_articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`state` text DEFAULT 'concept' NOT NULL,
	`topic` text NOT NULL,
	`procurement_phase` text NOT NULL,
	`published_version` integer,
	`published_at` text,
	`sensitive_names_sealed` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `knowledge_articles_topic_idx` ON `knowledge_articles` (`topic`,`procurement_phase`,`state`);--> statement-breakpoint
CREATE TABLE `knowledge_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`version` integer NOT NULL,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`references` text DEFAULT '[]' NOT NULL,
	`checked_on` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `knowledge_articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `knowledge_versions_version_idx` ON `knowledge_versions` (`article_id`,`version`);