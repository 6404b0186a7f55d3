import { sqliteTable, integer, text, real, index } from "drizzle-orm/sqlite-core";
import { DEBTOR_KINDS } from "./enums";
import { entities } from "./entities";
import { orgUnits, departments } from "./org";

/** Entries on a 严重失信主体名单 (listed / removed), with the department that listed the subject. */
export const blacklistEntries = sqliteTable(
  "blacklist_entries",
  {
    id: integer("id").primaryKey(),
    entityId: integer("entity_id").notNull().references(() => entities.id),
    listKind: text("list_kind").notNull(),
    reason: text("reason"),
    listedOn: text("listed_on").notNull(),
    removedOn: text("removed_on"),
    departmentId: integer("department_id").notNull().references(() => departments.id),
  },
  (t) => [
    index("blacklist_entity_idx").on(t.entityId, t.listedOn),
    index("blacklist_listed_idx").on(t.listedOn, t.removedOn),
  ],
);

/** Cases naming a government body or state-owned enterprise as a dishonest judgment debtor (失信被执行人). */
export const govDefaultCases = sqliteTable(
  "gov_default_cases",
  {
    id: integer("id").primaryKey(),
    caseNumber: text("case_number").notNull(),
    court: text("court").notNull(),
    debtorName: text("debtor_name").notNull(),
    debtorKind: text("debtor_kind", { enum: DEBTOR_KINDS }).notNull(),
    debtorCode: text("debtor_code"),
    districtId: integer("district_id").notNull().references(() => orgUnits.id),
    amountWan: real("amount_wan"),
    openedOn: text("opened_on").notNull(),
    closedOn: text("closed_on"),
  },
  (t) => [index("gov_default_district_opened_idx").on(t.districtId, t.openedOn)],
);

export type NewBlacklistEntry = typeof blacklistEntries.$inferInsert;
export type NewGovDefaultCase = typeof govDefaultCases.$inferInsert;
