CREATE TABLE `composite_scores` (
	`month` text NOT NULL,
	`org_unit_id` integer NOT NULL,
	`level` text NOT NULL,
	`score` real,
	`rank` integer,
	`rank_change` integer,
	`indicators_scored` integer NOT NULL,
	PRIMARY KEY(`month`, `org_unit_id`),
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `composite_scores_level_month_idx` ON `composite_scores` (`level`,`month`,`rank`);--> statement-breakpoint
CREATE TABLE `warnings` (
	`month` text NOT NULL,
	`org_unit_id` integer NOT NULL,
	`indicator_code` text NOT NULL,
	`kind` text NOT NULL,
	`value` real,
	`target` real NOT NULL,
	`red_line` real NOT NULL,
	`owners` text NOT NULL,
	`message` text NOT NULL,
	PRIMARY KEY(`month`, `org_unit_id`, `indicator_code`, `kind`),
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_code`) REFERENCES `indicators`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `warnings_month_kind_idx` ON `warnings` (`month`,`kind`);--> statement-breakpoint
CREATE TABLE `calendar_overrides` (
	`date` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE TABLE `calendar_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`notice` text,
	`entered_on` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `entities` ADD `uscc_failures` text;--> statement-breakpoint
ALTER TABLE `sgs_records` ADD `working_days_late` integer;--> statement-breakpoint
CREATE INDEX `sgs_decision_idx` ON `sgs_records` (`decision_date`);