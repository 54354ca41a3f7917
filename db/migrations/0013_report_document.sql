DROP INDEX `signals_report_idx`;--> statement-breakpoint
CREATE INDEX `signals_report_idx` ON `signals` (`received_on`,`requester_type`,`topic`,`procurement_phase`,`channel`,`region_code`,`referred_by`,`status`);--> statement-breakpoint
ALTER TABLE `report_narratives` ADD `assignment` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `report_narratives` ADD `requests` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `report_narratives` ADD `method` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `report_publications` ADD `policy` text DEFAULT 'all_cells_below_k' NOT NULL;--> statement-breakpoint
ALTER TABLE `report_publications` ADD `figures` text;