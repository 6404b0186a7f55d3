DROP TRIGGER IF EXISTS `sgs_month_facts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `sgs_month_facts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `sgs_month_facts_update`;
--> statement-breakpoint
CREATE TRIGGER `sgs_month_facts_insert` AFTER INSERT ON `sgs_records` FOR EACH ROW BEGIN
  INSERT INTO sgs_month_facts (district_id, town_id, month, reported, compliant, timely, known)
  SELECT NEW.district_id, coalesce(NEW.town_id, 0), substr(NEW.decision_date, 1, 7), 1,
    (coalesce(NEW.failed_rules = '[]', 0)), (coalesce(NEW.working_days_late = 0, 0)), (NEW.working_days_late IS NOT NULL)
  WHERE NEW.decision_date IS NOT NULL
  ON CONFLICT (district_id, town_id, month) DO UPDATE SET reported = reported + excluded.reported,
    compliant = compliant + excluded.compliant, timely = timely + excluded.timely, known = known + excluded.known;
END;
--> statement-breakpoint
CREATE TRIGGER `sgs_month_facts_delete` AFTER DELETE ON `sgs_records` FOR EACH ROW BEGIN
  INSERT INTO sgs_month_facts (district_id, town_id, month, reported, compliant, timely, known)
  SELECT OLD.district_id, coalesce(OLD.town_id, 0), substr(OLD.decision_date, 1, 7), -1,
    -(coalesce(OLD.failed_rules = '[]', 0)), -(coalesce(OLD.working_days_late = 0, 0)), -(OLD.working_days_late IS NOT NULL)
  WHERE OLD.decision_date IS NOT NULL
  ON CONFLICT (district_id, town_id, month) DO UPDATE SET reported = reported + excluded.reported,
    compliant = compliant + excluded.compliant, timely = timely + excluded.timely, known = known + excluded.known;
END;
--> statement-breakpoint
CREATE TRIGGER `sgs_month_facts_update` AFTER UPDATE OF decision_date, district_id, town_id, failed_rules, working_days_late ON `sgs_records` FOR EACH ROW BEGIN
  INSERT INTO sgs_month_facts (district_id, town_id, month, reported, compliant, timely, known)
  SELECT OLD.district_id, coalesce(OLD.town_id, 0), substr(OLD.decision_date, 1, 7), -1,
    -(coalesce(OLD.failed_rules = '[]', 0)), -(coalesce(OLD.working_days_late = 0, 0)), -(OLD.working_days_late IS NOT NULL)
  WHERE OLD.decision_date IS NOT NULL
  ON CONFLICT (district_id, town_id, month) DO UPDATE SET reported = reported + excluded.reported,
    compliant = compliant + excluded.compliant, timely = timely + excluded.timely, known = known + excluded.known;
  INSERT INTO sgs_month_facts (district_id, town_id, month, reported, compliant, timely, known)
  SELECT NEW.district_id, coalesce(NEW.town_id, 0), substr(NEW.decision_date, 1, 7), 1,
    (coalesce(NEW.failed_rules = '[]', 0)), (coalesce(NEW.working_days_late = 0, 0)), (NEW.working_days_late IS NOT NULL)
  WHERE NEW.decision_date IS NOT NULL
  ON CONFLICT (district_id, town_id, month) DO UPDATE SET reported = reported + excluded.reported,
    compliant = compliant + excluded.compliant, timely = timely + excluded.timely, known = known + excluded.known;
END;
--> statement-breakpoint
DELETE FROM sgs_month_facts;
--> statement-breakpoint
INSERT INTO sgs_month_facts (district_id, town_id, month, reported, compliant, timely, known)
  SELECT district_id, coalesce(town_id, 0), substr(decision_date, 1, 7), count(*), sum(coalesce(failed_rules = '[]', 0)),
    sum(coalesce(working_days_late = 0, 0)), sum(working_days_late IS NOT NULL)
  FROM sgs_records WHERE decision_date IS NOT NULL GROUP BY 1, 2, 3;
