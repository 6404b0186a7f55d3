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

/**
 * 双公示 records counted by district, town and the month of the decision, kept by triggers
 * (lib/indicators/compute/sgs-month-facts.ts), never written by hand: the month's records, those passing every
 * field rule, those reported in time and those whose timeliness is known. The indicators read these few
 * thousand rows instead of scanning millions of records.
 */
export const sgsMonthFacts = sqliteTable(
  "sgs_month_facts",
  {
    districtId: integer("district_id").notNull(),
    // 0 for a record without a town, as in fact_flows.
    townId: integer("town_id").notNull().default(0),
    month: text("month").notNull(),
    reported: integer("reported").notNull(),
    compliant: integer("compliant").notNull(),
    timely: integer("timely").notNull(),
    known: integer("known").notNull(),
  },
  (t) => [primaryKey({ name: "sgs_month_facts_pk", columns: [t.districtId, t.townId, t.month] })],
);

/**
 * Enterprises with at least five 行政处罚 records at some time (kept by a trigger, never pruned): the only ones
 * that can be 高频处罚 in a month, so that count reads their penalties instead of every penalty of three years.
 */
export const frequentPenaltyCandidates = sqliteTable("frequent_penalty_candidates", {
  entityId: integer("entity_id").primaryKey(),
});
