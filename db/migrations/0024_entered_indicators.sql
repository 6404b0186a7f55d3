CREATE TABLE `entered_values` (
	`indicator_code` text NOT NULL,
	`org_unit_id` integer NOT NULL,
	`month` text NOT NULL,
	`value` real NOT NULL,
	`entered_by` text NOT NULL,
	`entered_at` text NOT NULL,
	PRIMARY KEY(`indicator_code`, `org_unit_id`, `month`),
	FOREIGN KEY (`indicator_code`) REFERENCES `indicators`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `entered_values_month_idx` ON `entered_values` (`month`);--> statement-breakpoint
ALTER TABLE `indicators` ADD `source` text DEFAULT 'records' NOT NULL;