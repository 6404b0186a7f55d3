import { sqliteTable, integer, text, real, primaryKey, index } from "drizzle-orm/sqlite-core";
import { INDICATOR_DIRECTIONS, INDICATOR_SOURCES, INDICATOR_UNITS } from "./enums";
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
  source: text("source", { enum: INDICATOR_SOURCES }).notNull().default("records"),
});

/** Values of an entered indicator, as the office entered them per unit and month; the computation scores them. */
export const enteredValues = sqliteTable(
  "entered_values",
  {
    indicatorCode: text("indicator_code").notNull().references(() => indicators.code),
    orgUnitId: integer("org_unit_id").notNull().references(() => orgUnits.id),
    month: text("month").notNull(),
    value: real("value").notNull(),
    enteredBy: text("entered_by").notNull(),
    enteredAt: text("entered_at").notNull(),
  },
  (t) => [
    primaryKey({ name: "entered_values_pk", columns: [t.indicatorCode, t.orgUnitId, t.month] }),
    index("entered_values_month_idx").on(t.month),
  ],
);

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

/** The weighted composite (this product's own method) and the rank among units of the same level. */
export const compositeScores = sqliteTable(
  "composite_scores",
  {
    month: text("month").notNull(),
    orgUnitId: integer("org_unit_id").notNull().references(() => orgUnits.id),
    level: text("level").notNull(),
    score: real("score"),
    rank: integer("rank"),
    rankChange: integer("rank_change"),
    indicatorsScored: integer("indicators_scored").notNull(),
  },
  (t) => [
    primaryKey({ name: "composite_scores_pk", columns: [t.month, t.orgUnitId] }),
    index("composite_scores_level_month_idx").on(t.level, t.month, t.rank),
  ],
);

export const WARNING_KINDS = ["red", "yellow", "worsening", "off_track"] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

/** Red and yellow warnings, worsening trends and targets that will not be met in time, per month. */
export const warnings = sqliteTable(
  "warnings",
  {
    month: text("month").notNull(),
    orgUnitId: integer("org_unit_id").notNull().references(() => orgUnits.id),
    indicatorCode: text("indicator_code").notNull().references(() => indicators.code),
    kind: text("kind", { enum: WARNING_KINDS }).notNull(),
    value: real("value"),
    target: real("target").notNull(),
    redLine: real("red_line").notNull(),
    // JSON array of the owning departments' codes.
    owners: text("owners").notNull(),
    message: text("message").notNull(),
  },
  (t) => [
    primaryKey({ name: "warnings_pk", columns: [t.month, t.orgUnitId, t.indicatorCode, t.kind] }),
    index("warnings_month_kind_idx").on(t.month, t.kind),
  ],
);

export type CompositeScore = typeof compositeScores.$inferSelect;
export type Warning = typeof warnings.$inferSelect;
export type NewWarning = typeof warnings.$inferInsert;

/**
 * A version of the indicator catalogue's scoring rules, in force from a month on: every month is scored with the
 * latest version whose `effectiveFrom` is not after it, so earlier months keep the rules they were scored with.
 */
export const catalogueVersions = sqliteTable("catalogue_versions", {
  id: integer("id").primaryKey(),
  effectiveFrom: text("effective_from").notNull(),
  note: text("note"),
  createdBy: text("created_by").notNull(),
  createdAt: text("created_at").notNull(),
});

/** One indicator's rules in a catalogue version. */
export const catalogueEntries = sqliteTable(
  "catalogue_entries",
  {
    versionId: integer("version_id").notNull().references(() => catalogueVersions.id, { onDelete: "cascade" }),
    indicatorCode: text("indicator_code").notNull().references(() => indicators.code),
    target: real("target").notNull(),
    redLine: real("red_line").notNull(),
    zeroPoint: real("zero_point").notNull(),
    weight: real("weight").notNull(),
    // JSON array of department codes.
    ownerDepartments: text("owner_departments").notNull(),
    inComposite: integer("in_composite", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.indicatorCode] })],
);
