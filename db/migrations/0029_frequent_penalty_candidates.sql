CREATE TABLE `frequent_penalty_candidates` (
	`entity_id` integer PRIMARY KEY NOT NULL
);
