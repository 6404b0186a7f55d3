DROP INDEX `sgs_district_decision_idx`;--> statement-breakpoint
DROP INDEX `sgs_town_decision_idx`;--> statement-breakpoint
CREATE INDEX `sgs_district_decision_idx` ON `sgs_records` (`district_id`,`decision_date`,`working_days_late`,`failed_rules`,`department_id`);--> statement-breakpoint
CREATE INDEX `sgs_town_decision_idx` ON `sgs_records` (`town_id`,`decision_date`,`working_days_late`,`failed_rules`,`department_id`);