CREATE TABLE `fact_flows` (
	`fact` text NOT NULL,
	`district_id` integer NOT NULL,
	`town_id` integer DEFAULT 0 NOT NULL,
	`month` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`fact`, `district_id`, `town_id`, `month`)
);
--> statement-breakpoint
CREATE TABLE `shared_code_candidates` (
	`uscc` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX `entities_code_unchecked_idx` ON `entities` (`id`) WHERE uscc IS NOT NULL AND uscc_failures IS NULL;--> statement-breakpoint
CREATE INDEX `sgs_facts_missing_idx` ON `sgs_records` (`id`) WHERE failed_rules IS NULL OR working_days_late IS NULL;