DROP TRIGGER IF EXISTS `frequent_penalty_candidates_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `frequent_penalty_candidates_update`;
--> statement-breakpoint
CREATE TRIGGER `frequent_penalty_candidates_insert` AFTER INSERT ON `sgs_records` FOR EACH ROW BEGIN
  INSERT OR IGNORE INTO frequent_penalty_candidates (entity_id)
  SELECT NEW.entity_id WHERE NEW.kind = 'penalty' AND NEW.entity_id IS NOT NULL
    AND (SELECT count(*) FROM sgs_records WHERE entity_id = NEW.entity_id AND kind = 'penalty') >= 5;
END;
--> statement-breakpoint
CREATE TRIGGER `frequent_penalty_candidates_update` AFTER UPDATE OF entity_id, kind ON `sgs_records` FOR EACH ROW BEGIN
  INSERT OR IGNORE INTO frequent_penalty_candidates (entity_id)
  SELECT NEW.entity_id WHERE NEW.kind = 'penalty' AND NEW.entity_id IS NOT NULL
    AND (SELECT count(*) FROM sgs_records WHERE entity_id = NEW.entity_id AND kind = 'penalty') >= 5;
END;
--> statement-breakpoint
DELETE FROM frequent_penalty_candidates;
--> statement-breakpoint
INSERT INTO frequent_penalty_candidates (entity_id)
  SELECT entity_id FROM sgs_records WHERE kind = 'penalty' AND entity_id IS NOT NULL
  GROUP BY entity_id HAVING count(*) >= 5;
