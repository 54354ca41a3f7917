CREATE TABLE `knowledge_article_lessons` (
	`article_id` integer NOT NULL,
	`lesson_id` integer NOT NULL,
	PRIMARY KEY(`article_id`, `lesson_id`),
	FOREIGN KEY (`article_id`) REFERENCES `knowledge_articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `knowledge_article_lessons_lesson_idx` ON `knowledge_article_lessons` (`lesson_id`);--> statement-breakpoint
ALTER TABLE `knowledge_articles` ADD `kind` text DEFAULT 'answer' NOT NULL;--> statement-breakpoint
ALTER TABLE `knowledge_articles` ADD `region_code` text REFERENCES regions(code);--> statement-breakpoint
ALTER TABLE `knowledge_articles` ADD `show_region` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `knowledge_versions` ADD `outcome` text DEFAULT '' NOT NULL;