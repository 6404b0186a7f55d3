ALTER TABLE `supervision_records` DROP COLUMN `fixed_in_data`;--> statement-breakpoint
ALTER TABLE `supervision_records` DROP COLUMN `fixed_checked_month`;