ALTER TABLE `report_publications` ADD `policy` text DEFAULT 'all_cells_below_k' NOT NULL;--> statement-breakpoint
ALTER TABLE `report_publications` ADD `figures` text;