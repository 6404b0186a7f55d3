import { sql } from "drizzle-orm";
import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";
import { ENTITY_KINDS, EXIT_KINDS } from "./enums";
import { orgUnits } from "./org";

/**
 * Registered bodies (market subjects, public bodies, social organisations) as the registering
 * authorities deliver them. The code is kept exactly as received: invalid and shared codes are
 * what the 重错码率 indicator counts, so nothing here is cleaned.
 * District and town are both stored: every indicator groups by one of them.
 */
export const entities = sqliteTable(
  "entities",
  {
    id: integer("id").primaryKey(),
    uscc: text("uscc"),
    name: text("name").notNull(),
    kind: text("kind", { enum: ENTITY_KINDS }).notNull(),
    districtId: integer("district_id").notNull().references(() => orgUnits.id),
    townId: integer("town_id").references(() => orgUnits.id),
    registeredOn: text("registered_on").notNull(),
    exitedOn: text("exited_on"),
    exitKind: text("exit_kind", { enum: EXIT_KINDS }),
    stateOwned: integer("state_owned", { mode: "boolean" }).notNull().default(false),
    // JSON array of the code's GB 32100 failures ("[]" when valid, null when the body has no code),
    // set when the row is loaded so the indicator engine never re-validates a million codes.
    usccFailures: text("uscc_failures"),
  },
  (t) => [
    // Covering indexes: "bodies of this kind alive in this district on this date" never touches the table, and a
    // drill-down's search by name or code reads only the index (a 5M city's district: 1.6 s → decision 015).
    index("entities_district_kind_alive_idx").on(t.districtId, t.kind, t.registeredOn, t.exitedOn, t.name, t.uscc),
    index("entities_town_kind_alive_idx").on(t.townId, t.kind, t.registeredOn, t.exitedOn, t.name, t.uscc),
    index("entities_uscc_idx").on(t.uscc),
    // An import finds a body without a code by its name.
    index("entities_name_idx").on(t.name),
    // Covers the indicator engine's one pass over all bodies (alive intervals and code validity per unit).
    index("entities_facts_idx").on(t.districtId, t.townId, t.kind, t.registeredOn, t.exitedOn, t.usccFailures),
    // Bodies whose code is not yet checked: the refresh before each computation finds none without a scan.
    // The condition must stay word for word the refresh query's, or the planner will not use it.
    index("entities_code_unchecked_idx").on(t.id).where(sql`uscc IS NOT NULL AND uscc_failures IS NULL`),
    // Bodies with an invalid code, the few a 重错码率 drill-down starts from (same condition as its query).
    index("entities_invalid_code_idx").on(t.id).where(sql`uscc_failures <> '[]'`),
  ],
);

export type Entity = typeof entities.$inferSelect;
export type NewEntity = typeof entities.$inferInsert;
