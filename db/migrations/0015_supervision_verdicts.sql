ALTER TABLE `supervision_items` ADD `value_now` real;--> statement-breakpoint
ALTER TABLE `supervision_items` ADD `value_now_month` text;--> statement-breakpoint
ALTER TABLE `supervision_items` ADD `verdict` text;--> statement-breakpoint
ALTER TABLE `supervision_items` ADD `red_after_closing` integer DEFAULT false NOT NULL;