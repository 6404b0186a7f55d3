CREATE TABLE `city_maps` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`geo_json` text NOT NULL,
	`uploaded_on` text NOT NULL
);
