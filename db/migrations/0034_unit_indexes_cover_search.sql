DROP INDEX `entities_district_kind_alive_idx`;--> statement-breakpoint
DROP INDEX `entities_town_kind_alive_idx`;--> statement-breakpoint
CREATE INDEX `entities_district_kind_alive_idx` ON `entities` (`district_id`,`kind`,`registered_on`,`exited_on`,`name`,`uscc`);--> statement-breakpoint
CREATE INDEX `entities_town_kind_alive_idx` ON `entities` (`town_id`,`kind`,`registered_on`,`exited_on`,`name`,`uscc`);