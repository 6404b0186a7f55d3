CREATE TABLE `catalogue_entries` (
	`version_id` integer NOT NULL,
	`indicator_code` text NOT NULL,
	`target` real NOT NULL,
	`red_line` real NOT NULL,
	`zero_point` real NOT NULL,
	`weight` real NOT NULL,
	`owner_departments` text NOT NULL,
	`in_composite` integer DEFAULT true NOT NULL,
	PRIMARY KEY(`version_id`, `indicator_code`),
	FOREIGN KEY (`version_id`) REFERENCES `catalogue_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`indicator_code`) REFERENCES `indicators`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `catalogue_versions` (
	`id` integer PRIMARY KEY NOT NULL,
	`effective_from` text NOT NULL,
	`note` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
