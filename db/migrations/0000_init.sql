CREATE TABLE `departments` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`registers_authority` text,
	`org_unit_id` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_code_uq` ON `departments` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `departments_name_uq` ON `departments` (`name`);--> statement-breakpoint
CREATE TABLE `org_units` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`district_kind` text,
	`parent_id` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `org_units_code_uq` ON `org_units` (`code`);--> statement-breakpoint
CREATE INDEX `org_units_parent_idx` ON `org_units` (`parent_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `entities` (
	`id` integer PRIMARY KEY NOT NULL,
	`uscc` text,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`district_id` integer NOT NULL,
	`town_id` integer,
	`registered_on` text NOT NULL,
	`exited_on` text,
	`exit_kind` text,
	`state_owned` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`town_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `entities_district_kind_alive_idx` ON `entities` (`district_id`,`kind`,`registered_on`,`exited_on`);--> statement-breakpoint
CREATE INDEX `entities_town_kind_alive_idx` ON `entities` (`town_id`,`kind`,`registered_on`,`exited_on`);--> statement-breakpoint
CREATE INDEX `entities_uscc_idx` ON `entities` (`uscc`);--> statement-breakpoint
CREATE TABLE `decision_counts` (
	`id` integer PRIMARY KEY NOT NULL,
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`department_id` integer NOT NULL,
	`org_unit_id` integer NOT NULL,
	`decisions` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decision_counts_uq` ON `decision_counts` (`org_unit_id`,`month`,`department_id`,`kind`);--> statement-breakpoint
CREATE TABLE `sgs_records` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`doc_number` text,
	`subject_name` text,
	`subject_kind` text,
	`subject_code` text,
	`legal_representative` text,
	`id_type` text,
	`id_number` text,
	`entity_id` integer,
	`decision_date` text,
	`reported_date` text NOT NULL,
	`authority_name` text,
	`authority_code` text,
	`department_id` integer NOT NULL,
	`district_id` integer NOT NULL,
	`town_id` integer,
	`license_type` text,
	`license_content` text,
	`valid_from` text,
	`valid_to` text,
	`violation_type` text,
	`violation_facts` text,
	`legal_basis` text,
	`penalty_kind` text,
	`penalty_content` text,
	`fine_amount_wan` real,
	`failed_rules` text,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`town_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sgs_district_decision_idx` ON `sgs_records` (`district_id`,`decision_date`);--> statement-breakpoint
CREATE INDEX `sgs_town_decision_idx` ON `sgs_records` (`town_id`,`decision_date`);--> statement-breakpoint
CREATE INDEX `sgs_department_decision_idx` ON `sgs_records` (`department_id`,`decision_date`);--> statement-breakpoint
CREATE INDEX `sgs_entity_kind_decision_idx` ON `sgs_records` (`entity_id`,`kind`,`decision_date`);--> statement-breakpoint
CREATE TABLE `tax_ratings` (
	`id` integer PRIMARY KEY NOT NULL,
	`entity_id` integer NOT NULL,
	`rating_year` integer NOT NULL,
	`grade` text NOT NULL,
	`published_on` text NOT NULL,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tax_ratings_entity_year_uq` ON `tax_ratings` (`entity_id`,`rating_year`);--> statement-breakpoint
CREATE INDEX `tax_ratings_published_idx` ON `tax_ratings` (`published_on`,`grade`);--> statement-breakpoint
CREATE TABLE `xyd_enrolments` (
	`id` integer PRIMARY KEY NOT NULL,
	`entity_id` integer NOT NULL,
	`enrolled_on` text NOT NULL,
	`verified_on` text,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `xyd_enrolments_entity_uq` ON `xyd_enrolments` (`entity_id`);--> statement-breakpoint
CREATE INDEX `xyd_enrolments_enrolled_idx` ON `xyd_enrolments` (`enrolled_on`);--> statement-breakpoint
CREATE TABLE `xyd_loans` (
	`id` integer PRIMARY KEY NOT NULL,
	`entity_id` integer NOT NULL,
	`granted_on` text NOT NULL,
	`amount_wan` real NOT NULL,
	`lender` text,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `xyd_loans_entity_granted_idx` ON `xyd_loans` (`entity_id`,`granted_on`);--> statement-breakpoint
CREATE TABLE `blacklist_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`entity_id` integer NOT NULL,
	`list_kind` text NOT NULL,
	`reason` text,
	`listed_on` text NOT NULL,
	`removed_on` text,
	`department_id` integer NOT NULL,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `blacklist_entity_idx` ON `blacklist_entries` (`entity_id`,`listed_on`);--> statement-breakpoint
CREATE INDEX `blacklist_listed_idx` ON `blacklist_entries` (`listed_on`,`removed_on`);--> statement-breakpoint
CREATE TABLE `gov_default_cases` (
	`id` integer PRIMARY KEY NOT NULL,
	`case_number` text NOT NULL,
	`court` text NOT NULL,
	`debtor_name` text NOT NULL,
	`debtor_kind` text NOT NULL,
	`debtor_code` text,
	`district_id` integer NOT NULL,
	`amount_wan` real,
	`opened_on` text NOT NULL,
	`closed_on` text,
	FOREIGN KEY (`district_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gov_default_district_opened_idx` ON `gov_default_cases` (`district_id`,`opened_on`);--> statement-breakpoint
CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `indicator_values` (
	`month` text NOT NULL,
	`org_unit_id` integer NOT NULL,
	`indicator_code` text NOT NULL,
	`numerator` real NOT NULL,
	`denominator` real,
	`value` real,
	`score` real,
	PRIMARY KEY(`month`, `org_unit_id`, `indicator_code`),
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_code`) REFERENCES `indicators`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `indicator_values_org_month_idx` ON `indicator_values` (`org_unit_id`,`month`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`formula` text NOT NULL,
	`unit` text NOT NULL,
	`direction` text NOT NULL,
	`target` real NOT NULL,
	`red_line` real NOT NULL,
	`zero_point` real NOT NULL,
	`weight` real NOT NULL,
	`owner_departments` text DEFAULT '[]' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `national_ranks` (
	`month` text PRIMARY KEY NOT NULL,
	`rank` integer NOT NULL,
	`total_cities` integer NOT NULL,
	`score` real
);
