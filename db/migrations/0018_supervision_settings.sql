CREATE TABLE `supervision_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`default_working_days` integer DEFAULT 10 NOT NULL,
	`auto_open_indicators` text DEFAULT '[]' NOT NULL,
	`updated_at` text
);
