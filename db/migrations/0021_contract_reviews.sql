CREATE TABLE `contract_review_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`version` integer NOT NULL,
	`ratings` text NOT NULL,
	`score_percent` integer,
	`unknown_count` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `contract_reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contract_review_versions_version_idx` ON `contract_review_versions` (`review_id`,`version`);--> statement-breakpoint
CREATE TABLE `contract_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`region_code` text NOT NULL,
	`milestone_id` integer,
	`title` text NOT NULL,
	`state` text DEFAULT 'concept' NOT NULL,
	`published_version` integer,
	`published_at` text,
	`needs_reassessment` integer DEFAULT false NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`milestone_id`) REFERENCES `procurement_milestones`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contract_reviews_region_idx` ON `contract_reviews` (`region_code`,`updated_at`);--> statement-breakpoint
CREATE TABLE `review_criteria` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`question` text NOT NULL,
	`help` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_criteria_code_unique` ON `review_criteria` (`code`);
--> statement-breakpoint
-- The default criteria, drawn from the procurement minutes (seeds 000–002) and the intermediary's assignment (seed 004, task 4). Admins change them on /beheer/criteria.
INSERT INTO `review_criteria` (`code`, `question`, `help`, `position`, `active`) VALUES
('omvang', 'Sluiten eisen aan omvang of personeel (minimumaantal medewerkers, omzet, fte) vrijgevestigden uit?', 'Toegankelijk: geen minimumomvang, of een eis die een solist haalt. Belemmerend: een minimumaantal medewerkers of omzet die een solist of kleine praktijk niet haalt.', 10, 1),
('samenwerkingsverband', 'Moet een aanbieder lid worden van een consortium of werken onder een hoofdaannemer?', 'Hoofd- en onderaannemerschap of verplicht lidmaatschap van een samenwerkingsverband. Deels: mogelijk maar niet verplicht; belemmerend: alleen via een hoofdaannemer of consortium.', 20, 1),
('kwaliteitseisen', 'Gaan toelatings- en kwaliteitseisen verder dan de wet (Jeugdwet, kwaliteitskader, registratie)?', 'Bijvoorbeeld extra keurmerken, certificeringen (ISO, HKZ) of registraties die voor een solist duur of onnodig zijn.', 30, 1),
('administratieve-lasten', 'Hoe zwaar is de administratieve last (verantwoording, rapportages, declaratieprotocol)?', 'Let op eigen formats buiten het berichtenverkeer (iStandaarden), extra productcodes, controles en verantwoordingsverplichtingen per cliënt.', 40, 1),
('bekostiging', 'Past de bekostigingsvorm en het tarief bij kleine aanbieders (lumpsum/taakgericht of inspanningsgericht P×Q; tariefhoogte en -differentiatie)?', 'Taakgericht en lumpsum leggen risico bij de aanbieder en gaan vaak via een hoofdaannemer; P×Q met een kostendekkend, onderbouwd tarief en passende differentiatie is voor vrijgevestigden meestal toegankelijker.', 50, 1),
('budgetplafond', 'Is er een budgetplafond, en wat gebeurt er als het bereikt is?', 'Belemmerend: een plafond per aanbieder dat snel bereikt is, zonder regeling voor lopende of nieuwe cliënten. Toegankelijk: geen plafond, of een duidelijke ophoog- of doorverwijsregeling.', 60, 1),
('looptijd-toetreding', 'Kunnen nieuwe aanbieders tijdens de looptijd toetreden (open house), of is de aanbesteding gesloten?', 'Open house met toetredingsmomenten is toegankelijk; een gesloten aanbesteding met een lange looptijd sluit nieuwe aanbieders jaren uit.', 70, 1),
('aantal-aanbieders', 'Wordt het aantal te contracteren aanbieders beperkt?', 'Een maximum aantal aanbieders of percelen met één gegunde partij sluit kleine aanbieders uit.', 80, 1),
('directe-toegang', 'Kunnen verwijzers (huisarts, jeugdarts, gecertificeerde instelling) direct naar de aanbieder verwijzen?', 'Belemmerend: alleen toegang via het wijkteam of een centrale toegang die naar eigen of hoofdaanbieders verwijst.', 90, 1);
