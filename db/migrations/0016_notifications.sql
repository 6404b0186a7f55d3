CREATE TABLE `department_robots` (
	`id` integer PRIMARY KEY NOT NULL,
	`department_id` integer NOT NULL,
	`kind` text NOT NULL,
	`url` text NOT NULL,
	`secret` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `department_robots_uq` ON `department_robots` (`department_id`,`kind`);--> statement-breakpoint
CREATE TABLE `inbox_notices` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	`event` text NOT NULL,
	`item_id` integer,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`link` text,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inbox_notices_user_idx` ON `inbox_notices` (`user_id`,`at`);--> statement-breakpoint
CREATE TABLE `notice_deliveries` (
	`id` integer PRIMARY KEY NOT NULL,
	`event` text NOT NULL,
	`item_id` integer NOT NULL,
	`department_id` integer,
	`robot_kind` text,
	`at` text NOT NULL,
	`attempt` integer NOT NULL,
	`status` integer,
	`answer` text NOT NULL,
	`ok` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `notice_deliveries_item_idx` ON `notice_deliveries` (`item_id`,`event`);--> statement-breakpoint
CREATE INDEX `notice_deliveries_at_idx` ON `notice_deliveries` (`at`);