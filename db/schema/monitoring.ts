import { sqliteTable, integer, text, real, primaryKey, index } from "drizzle-orm/sqlite-core";
import { INDICATOR_DIRECTIONS, INDICATOR_UNITS } from "./enums";
import { orgUnits } from "./org";

/** The indicator catalogue. Targets, red lines and weights are data the credit office edits. */
export const indicators = sqliteTable("indicators", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  category: text("category").notNull(),
  formula: text("formula").notNull(),
  unit: text("unit", { enum: INDICATOR_UNITS }).notNull(),
  direction: text("direction", { enum: INDICATOR_DIRECTIONS }).notNull(),
  target: real("target").notNull(),
  redLine: real("red_line").notNull(),
  zeroPoint: real("zero_point").notNull(),
  weight: real("weight").notNull(),
  // JSON array of department codes that own the indicator by default.
  ownerDepartments: text("owner_departments").notNull().default("[]"),
  sortOrder: integer("sort_order").notNull().default(0),
});

/** Computed values per indicator, org unit and month; a null value means "no data" (denominator 0). */
export const indicatorValues = sqliteTable(
  "indicator_values",
  {
    month: text("month").notNull(),
    orgUnitId: integer("org_unit_id").notNull().references(() => orgUnits.id),
    indicatorCode: text("indicator_code").notNull().references(() => indicators.code),
    numerator: real("numerator").notNull(),
    denominator: real("denominator"),
    value: real("value"),
    score: real("score"),
  },
  (t) => [
    primaryKey({ name: "indicator_values_pk", columns: [t.month, t.orgUnitId, t.indicatorCode] }),
    index("indicator_values_org_month_idx").on(t.orgUnitId, t.month),
  ],
);

/** The city's place in the national monthly city credit ranking, as published. */
export const nationalRanks = sqliteTable("national_ranks", {
  month: text("month").primaryKey(),
  rank: integer("rank").notNull(),
  totalCities: integer("total_cities").notNull(),
  score: real("score"),
});

/** Small key/value facts about the store itself (which dataset it holds, when it was generated). */
export const appMeta = sqliteTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export type Indicator = typeof indicators.$inferSelect;
export type NewIndicator = typeof indicators.$inferInsert;
export type IndicatorValue = typeof indicatorValues.$inferSelect;
