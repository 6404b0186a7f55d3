CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY NOT NULL,
	`dataset` text NOT NULL,
	`department_id` integer,
	`user_id` integer,
	`token_id` integer,
	`actor` text NOT NULL,
	`via` text NOT NULL,
	`file_name` text NOT NULL,
	`file_bytes` integer NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`status` text NOT NULL,
	`message` text,
	`read` integer DEFAULT 0 NOT NULL,
	`inserted` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	`problems` integer DEFAULT 0 NOT NULL,
	`months` text DEFAULT '[]' NOT NULL,
	`report` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_batches_department_idx` ON `import_batches` (`department_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `import_batches_started_idx` ON `import_batches` (`started_at`);--> statement-breakpoint
CREATE TABLE `import_rows` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_id` integer NOT NULL,
	`row_number` integer NOT NULL,
	`status` text NOT NULL,
	`column` text,
	`reason` text NOT NULL,
	`cells` text NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_rows_batch_idx` ON `import_rows` (`batch_id`,`status`,`row_number`);--> statement-breakpoint
ALTER TABLE `sgs_records` ADD `import_batch_id` integer;--> statement-breakpoint
CREATE INDEX `sgs_doc_number_idx` ON `sgs_records` (`doc_number`,`kind`);