import { sqliteTable, integer, text, real, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { TAX_GRADES } from "./enums";
import { entities } from "./entities";

/** 信易贷 platform enrolments: one row per enterprise, with the date it passed real-name verification. */
export const xydEnrolments = sqliteTable(
  "xyd_enrolments",
  {
    id: integer("id").primaryKey(),
    entityId: integer("entity_id").notNull().references(() => entities.id),
    enrolledOn: text("enrolled_on").notNull(),
    verifiedOn: text("verified_on"),
  },
  (t) => [uniqueIndex("xyd_enrolments_entity_uq").on(t.entityId), index("xyd_enrolments_enrolled_idx").on(t.enrolledOn)],
);

/** Loans granted through the 信易贷 platform. */
export const xydLoans = sqliteTable(
  "xyd_loans",
  {
    id: integer("id").primaryKey(),
    entityId: integer("entity_id").notNull().references(() => entities.id),
    grantedOn: text("granted_on").notNull(),
    amountWan: real("amount_wan").notNull(),
    lender: text("lender"),
  },
  (t) => [index("xyd_loans_entity_granted_idx").on(t.entityId, t.grantedOn)],
);

/** Annual 纳税信用 ratings: a rating for year Y is published by the tax bureau in year Y+1. */
export const taxRatings = sqliteTable(
  "tax_ratings",
  {
    id: integer("id").primaryKey(),
    entityId: integer("entity_id").notNull().references(() => entities.id),
    ratingYear: integer("rating_year").notNull(),
    grade: text("grade", { enum: TAX_GRADES }).notNull(),
    publishedOn: text("published_on").notNull(),
  },
  (t) => [
    uniqueIndex("tax_ratings_entity_year_uq").on(t.entityId, t.ratingYear),
    index("tax_ratings_published_idx").on(t.publishedOn, t.grade),
  ],
);

export type NewXydEnrolment = typeof xydEnrolments.$inferInsert;
export type NewXydLoan = typeof xydLoans.$inferInsert;
export type NewTaxRating = typeof taxRatings.$inferInsert;
