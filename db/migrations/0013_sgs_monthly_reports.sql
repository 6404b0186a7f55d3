CREATE TABLE `sgs_monthly_reports` (
	`id` integer PRIMARY KEY NOT NULL,
	`month` text NOT NULL,
	`department_id` integer NOT NULL,
	`org_unit_id` integer NOT NULL,
	`kind` text NOT NULL,
	`decisions` integer NOT NULL,
	`published_own_site` integer,
	`reported` integer,
	`not_reported` integer,
	`not_reported_grounds` text,
	`filed_at` text NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sgs_monthly_reports_uq` ON `sgs_monthly_reports` (`month`,`department_id`,`org_unit_id`,`kind`);