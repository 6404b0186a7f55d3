CREATE INDEX `entities_facts_idx` ON `entities` (`district_id`,`town_id`,`kind`,`registered_on`,`exited_on`,`uscc_failures`);--> statement-breakpoint
CREATE INDEX `sgs_facts_idx` ON `sgs_records` (`decision_date`,`district_id`,`town_id`,`working_days_late`,`failed_rules`);--> statement-breakpoint
CREATE INDEX `sgs_penalty_idx` ON `sgs_records` (`kind`,`decision_date`,`entity_id`);