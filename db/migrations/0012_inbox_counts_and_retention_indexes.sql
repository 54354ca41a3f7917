CREATE TABLE `signal_counts` (
	`status` text NOT NULL,
	`year` text NOT NULL,
	`topic` text NOT NULL,
	`procurement_phase` text NOT NULL,
	`requester_type` text NOT NULL,
	`channel` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`status`, `year`, `topic`, `procurement_phase`, `requester_type`, `channel`)
);
--> statement-breakpoint
DROP INDEX `signals_report_idx`;--> statement-breakpoint
DROP INDEX `signals_region_idx`;--> statement-breakpoint
DROP INDEX `signals_topic_idx`;--> statement-breakpoint
DROP INDEX `signals_assigned_idx`;--> statement-breakpoint
CREATE INDEX `signals_retention_idx` ON `signals` (`updated_at`,`received_on`) WHERE status = 'closed' and anonymised_at is null;--> statement-breakpoint
CREATE INDEX `signals_report_idx` ON `signals` (`received_on`,`requester_type`,`topic`,`procurement_phase`,`channel`,`region_code`,`status`);--> statement-breakpoint
CREATE INDEX `signals_region_idx` ON `signals` (`region_code`,`received_on`,`status`);--> statement-breakpoint
CREATE INDEX `signals_topic_idx` ON `signals` (`topic`,`received_on`,`status`);--> statement-breakpoint
CREATE INDEX `signals_assigned_idx` ON `signals` (`assigned_to`,`status`);--> statement-breakpoint
CREATE INDEX `signal_events_closed_idx` ON `signal_events` (`signal_id`,`at`) WHERE kind = 'status' and json_extract(detail, '$.to') = 'closed';--> statement-breakpoint
INSERT INTO `signal_counts` (`status`, `year`, `topic`, `procurement_phase`, `requester_type`, `channel`, `n`)
  SELECT `status`, substr(`received_on`, 1, 4), `topic`, `procurement_phase`, `requester_type`, `channel`, count(*) FROM `signals` GROUP BY 1, 2, 3, 4, 5, 6;--> statement-breakpoint
CREATE TRIGGER `signal_counts_insert` AFTER INSERT ON `signals` BEGIN
  INSERT INTO `signal_counts` (`status`, `year`, `topic`, `procurement_phase`, `requester_type`, `channel`, `n`)
    VALUES (new.`status`, substr(new.`received_on`, 1, 4), new.`topic`, new.`procurement_phase`, new.`requester_type`, new.`channel`, 1)
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `signal_counts_delete` AFTER DELETE ON `signals` BEGIN
  UPDATE `signal_counts` SET `n` = `n` - 1
    WHERE `status` = old.`status` AND `year` = substr(old.`received_on`, 1, 4) AND `topic` = old.`topic`
      AND `procurement_phase` = old.`procurement_phase` AND `requester_type` = old.`requester_type` AND `channel` = old.`channel`;
END;--> statement-breakpoint
CREATE TRIGGER `signal_counts_update` AFTER UPDATE OF `status`, `received_on`, `topic`, `procurement_phase`, `requester_type`, `channel` ON `signals`
  WHEN old.`status` IS NOT new.`status` OR substr(old.`received_on`, 1, 4) IS NOT substr(new.`received_on`, 1, 4) OR old.`topic` IS NOT new.`topic`
    OR old.`procurement_phase` IS NOT new.`procurement_phase` OR old.`requester_type` IS NOT new.`requester_type` OR old.`channel` IS NOT new.`channel`
BEGIN
  UPDATE `signal_counts` SET `n` = `n` - 1
    WHERE `status` = old.`status` AND `year` = substr(old.`received_on`, 1, 4) AND `topic` = old.`topic`
      AND `procurement_phase` = old.`procurement_phase` AND `requester_type` = old.`requester_type` AND `channel` = old.`channel`;
  INSERT INTO `signal_counts` (`status`, `year`, `topic`, `procurement_phase`, `requester_type`, `channel`, `n`)
    VALUES (new.`status`, substr(new.`received_on`, 1, 4), new.`topic`, new.`procurement_phase`, new.`requester_type`, new.`channel`, 1)
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
