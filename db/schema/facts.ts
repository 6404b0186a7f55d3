import { sqliteTable, integer, text, primaryKey } from "drizzle-orm/sqlite-core";

/**
 * Derived from the raw records by triggers (lib/indicators/compute/fact-flows.ts), never written by hand:
 * per fact, unit and month, how many records began (+) or ceased (−) to hold the fact that month, so a
 * month's count is the sum of the flows up to it and one month reads thousands of rows, not millions.
 */
export const factFlows = sqliteTable(
  "fact_flows",
  {
    fact: text("fact").notNull(),
    districtId: integer("district_id").notNull(),
    // 0 for a record without a town: a null would keep rows of one key apart (NULLs never conflict).
    townId: integer("town_id").notNull().default(0),
    month: text("month").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ name: "fact_flows_pk", columns: [t.fact, t.districtId, t.townId, t.month] })],
);

/**
 * Codes that have had two or more holders at some time (kept by a trigger, never pruned): the only
 * codes that can be shared at a month end, so the shared-code count reads these instead of every body.
 */
export const sharedCodeCandidates = sqliteTable("shared_code_candidates", {
  uscc: text("uscc").primaryKey(),
});
