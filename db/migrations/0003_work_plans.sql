CREATE TABLE `department_aliases` (
	`alias` text NOT NULL,
	`department_id` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `department_aliases_uq` ON `department_aliases` (`alias`,`department_id`);--> statement-breakpoint
CREATE TABLE `plan_tasks` (
	`id` integer PRIMARY KEY NOT NULL,
	`plan_id` integer NOT NULL,
	`section` text NOT NULL,
	`number` text NOT NULL,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`deadline` text,
	`sort_order` integer NOT NULL,
	`fingerprint` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `work_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_tasks_plan_idx` ON `plan_tasks` (`plan_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `plan_tasks_fingerprint_idx` ON `plan_tasks` (`fingerprint`);--> statement-breakpoint
CREATE TABLE `progress_reports` (
	`id` integer PRIMARY KEY NOT NULL,
	`task_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	`status` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`reported_on` text NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `plan_tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `progress_task_idx` ON `progress_reports` (`task_id`,`reported_on`);--> statement-breakpoint
CREATE TABLE `task_targets` (
	`id` integer PRIMARY KEY NOT NULL,
	`task_id` integer NOT NULL,
	`indicator_code` text,
	`op` text NOT NULL,
	`value` real NOT NULL,
	`unit` text,
	`text` text NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `plan_tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_code`) REFERENCES `indicators`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `task_units` (
	`task_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	`role` text NOT NULL,
	`written_as` text NOT NULL,
	PRIMARY KEY(`task_id`, `department_id`, `role`),
	FOREIGN KEY (`task_id`) REFERENCES `plan_tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_units_department_idx` ON `task_units` (`department_id`);--> statement-breakpoint
CREATE TABLE `work_plans` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`year` integer,
	`original_text` text NOT NULL,
	`loaded_on` text NOT NULL,
	`supersedes_id` integer,
	`active` integer DEFAULT true NOT NULL
);
