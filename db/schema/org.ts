import { sqliteTable, integer, text, index, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { ORG_LEVELS, DISTRICT_KINDS } from "./enums";

/**
 * City → districts → towns. City and districts carry 6-digit division codes (GB/T 2260);
 * towns carry 9-digit township codes (GB/T 10114), whose first six digits are their district's.
 */
export const orgUnits = sqliteTable(
  "org_units",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    level: text("level", { enum: ORG_LEVELS }).notNull(),
    districtKind: text("district_kind", { enum: DISTRICT_KINDS }),
    parentId: integer("parent_id").references((): AnySQLiteColumn => orgUnits.id),
    sortOrder: integer("sort_order").notNull().default(0),
    // The first month the unit no longer exists (merged, abolished): computed and ranked only before it.
    retiredFrom: text("retired_from"),
  },
  (t) => [
    uniqueIndex("org_units_code_uq").on(t.code),
    index("org_units_parent_idx").on(t.parentId, t.sortOrder),
  ],
);

/** The 责任单位 list: the departments a work plan assigns tasks to and whose data feed the indicators. */
export const departments = sqliteTable(
  "departments",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    shortName: text("short_name").notNull(),
    // Set for departments that register bodies: the first character of the codes they issue (GB 32100).
    registersAuthority: text("registers_authority"),
    orgUnitId: integer("org_unit_id").references(() => orgUnits.id),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [uniqueIndex("departments_code_uq").on(t.code), uniqueIndex("departments_name_uq").on(t.name)],
);

export type OrgUnit = typeof orgUnits.$inferSelect;
export type NewOrgUnit = typeof orgUnits.$inferInsert;
export type Department = typeof departments.$inferSelect;
export type NewDepartment = typeof departments.$inferInsert;

export const MAP_LEVELS = ["district", "town"] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];

/**
 * The city's boundaries as GeoJSON, uploaded by the office: its districts (the demo city ships a generated map) and,
 * optionally, its towns. The latest upload of each level is the one shown.
 */
export const cityMaps = sqliteTable("city_maps", {
  id: integer("id").primaryKey(),
  name: text("name").notNull(),
  geoJson: text("geo_json").notNull(),
  uploadedOn: text("uploaded_on").notNull(),
  level: text("level", { enum: MAP_LEVELS }).notNull().default("district"),
});
