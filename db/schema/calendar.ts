import { sqliteTable, integer, text } from "drizzle-orm/sqlite-core";

/**
 * A year's State Council holiday notice as the credit office entered it, for years the holiday
 * package does not know yet. A year listed here counts as covered; its days come from the overrides.
 */
export const calendarYears = sqliteTable("calendar_years", {
  year: integer("year").primaryKey(),
  notice: text("notice"),
  enteredOn: text("entered_on").notNull(),
});

export const calendarOverrides = sqliteTable("calendar_overrides", {
  date: text("date").primaryKey(),
  kind: text("kind", { enum: ["workday", "holiday"] }).notNull(),
  note: text("note"),
});
