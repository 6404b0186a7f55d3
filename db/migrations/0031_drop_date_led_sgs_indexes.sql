DROP INDEX `sgs_facts_idx`;--> statement-breakpoint
DROP INDEX `sgs_penalty_idx`;