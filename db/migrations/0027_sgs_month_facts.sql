CREATE TABLE `sgs_month_facts` (
	`district_id` integer NOT NULL,
	`town_id` integer DEFAULT 0 NOT NULL,
	`month` text NOT NULL,
	`reported` integer NOT NULL,
	`compliant` integer NOT NULL,
	`timely` integer NOT NULL,
	`known` integer NOT NULL,
	PRIMARY KEY(`district_id`, `town_id`, `month`)
);
