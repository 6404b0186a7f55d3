ALTER TABLE `supervision_records` ADD `fixed_in_data` integer;--> statement-breakpoint
ALTER TABLE `supervision_records` ADD `fixed_checked_month` text;