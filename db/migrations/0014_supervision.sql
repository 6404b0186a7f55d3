CREATE TABLE `supervision_item_departments` (
	`item_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	PRIMARY KEY(`item_id`, `department_id`),
	FOREIGN KEY (`item_id`) REFERENCES `supervision_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `supervision_item_departments_dept_idx` ON `supervision_item_departments` (`department_id`);--> statement-breakpoint
CREATE TABLE `supervision_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`indicator_code` text NOT NULL,
	`org_unit_id` integer NOT NULL,
	`district_id` integer,
	`month` text NOT NULL,
	`warning_kind` text,
	`value_at_creation` real,
	`target` real,
	`deadline` text NOT NULL,
	`note` text,
	`status` text DEFAULT 'open' NOT NULL,
	`columns` text DEFAULT '[]' NOT NULL,
	`record_count` integer DEFAULT 0 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`acknowledged_at` text,
	`feedback` text,
	`submitted_at` text,
	`return_reason` text,
	`closed_at` text,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `supervision_items_status_idx` ON `supervision_items` (`status`,`deadline`);--> statement-breakpoint
CREATE INDEX `supervision_items_unit_idx` ON `supervision_items` (`indicator_code`,`org_unit_id`,`month`);--> statement-breakpoint
CREATE TABLE `supervision_records` (
	`id` integer PRIMARY KEY NOT NULL,
	`item_id` integer NOT NULL,
	`position` integer NOT NULL,
	`data` text NOT NULL,
	`mark` text,
	`mark_reason` text,
	`marked_at` text,
	FOREIGN KEY (`item_id`) REFERENCES `supervision_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `supervision_records_item_idx` ON `supervision_records` (`item_id`,`position`);