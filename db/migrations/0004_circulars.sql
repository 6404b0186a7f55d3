CREATE TABLE `circulars` (
	`id` integer PRIMARY KEY NOT NULL,
	`month` text NOT NULL,
	`year` integer NOT NULL,
	`sequence` integer NOT NULL,
	`document_number` text NOT NULL,
	`title` text NOT NULL,
	`issued_on` text NOT NULL,
	`docx` blob NOT NULL,
	`xlsx` blob NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `circulars_month_uq` ON `circulars` (`month`);--> statement-breakpoint
CREATE UNIQUE INDEX `circulars_number_uq` ON `circulars` (`year`,`sequence`);