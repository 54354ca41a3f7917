CREATE TABLE `signal_text_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signal_id` integer NOT NULL
);
--> statement-breakpoint
-- Written by SQLite itself, so no code path (server, command line, or a future one) can forget to tell the search index.
CREATE TRIGGER signals_text_deleted AFTER DELETE ON signals
BEGIN
  INSERT INTO signal_text_changes (signal_id) VALUES (old.id);
END;
--> statement-breakpoint
CREATE TRIGGER signals_text_changed AFTER UPDATE OF summary_sealed ON signals WHEN old.summary_sealed IS NOT new.summary_sealed
BEGIN
  INSERT INTO signal_text_changes (signal_id) VALUES (new.id);
END;
