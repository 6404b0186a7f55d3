ALTER TABLE `circulars` ADD `final_docx` blob;--> statement-breakpoint
ALTER TABLE `circulars` ADD `final_file_name` text;--> statement-breakpoint
ALTER TABLE `circulars` ADD `final_uploaded_at` text;--> statement-breakpoint
ALTER TABLE `circulars` ADD `final_uploaded_by` text;