-- drizzle-kit copied the two new columns from the old table, which has none: they start empty.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_supervision_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`indicator_code` text,
	`org_unit_id` integer,
	`task_id` integer,
	`task_label` text,
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
	`value_now` real,
	`value_now_month` text,
	`verdict` text,
	`red_after_closing` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_supervision_items`("id", "indicator_code", "org_unit_id", "task_id", "task_label", "district_id", "month", "warning_kind", "value_at_creation", "target", "deadline", "note", "status", "columns", "record_count", "created_by", "created_at", "acknowledged_at", "feedback", "submitted_at", "return_reason", "closed_at", "value_now", "value_now_month", "verdict", "red_after_closing") SELECT "id", "indicator_code", "org_unit_id", NULL, NULL, "district_id", "month", "warning_kind", "value_at_creation", "target", "deadline", "note", "status", "columns", "record_count", "created_by", "created_at", "acknowledged_at", "feedback", "submitted_at", "return_reason", "closed_at", "value_now", "value_now_month", "verdict", "red_after_closing" FROM `supervision_items`;--> statement-breakpoint
DROP TABLE `supervision_items`;--> statement-breakpoint
ALTER TABLE `__new_supervision_items` RENAME TO `supervision_items`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `supervision_items_status_idx` ON `supervision_items` (`status`,`deadline`);--> statement-breakpoint
CREATE INDEX `supervision_items_unit_idx` ON `supervision_items` (`indicator_code`,`org_unit_id`,`month`);