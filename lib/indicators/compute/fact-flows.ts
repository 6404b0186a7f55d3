import type { Client } from "@libsql/client";
import type { IntervalCounter, MonthGrid } from "./grid";
import { createTriggerSql, migrationText, type TriggerSpec } from "./trigger-sql";
import type { UnitIndex } from "./units";

/**
 * The interval facts of bodies and enterprises, kept as monthly flows in `fact_flows` by triggers.
 *
 * Each fact is a set of half-open month intervals [f, t) per record: it holds at the end of months f..t-1.
 * A record adds +1 in month f and −1 in month t (t absent: still holds), nothing when f ≥ t, so a month's
 * count is the sum of the flows up to it. Every writer (loaders, seeds, tests, import pages) keeps the
 * flows right through the triggers: for each change they subtract the touched enterprises' contribution as
 * it was and add it as it is, each computed from the rows (see triggerSpecs for when).
 * The same SQL builds the triggers, the migration that installs them and the rebuild after a bulk load.
 */
export const FACTS = {
  /** Bodies with a code (valid or not): the denominator of 重错码率. */
  codedBody: "coded_body",
  /** Bodies whose code fails GB 32100; shared codes are counted apart, per month. */
  invalidCode: "invalid_code",
  /** 存续企业. */
  liveEnterprise: "live_enterprise",
  xydEnrolled: "xyd_enrolled",
  xydVerified: "xyd_verified",
  xydVerifiedWithLoan: "xyd_verified_with_loan",
  /** Enterprises whose latest published 纳税信用 rating is A. */
  taxA: "tax_a",
} as const;
export type FactName = (typeof FACTS)[keyof typeof FACTS];

/** The records behind the facts, in three parts that change independently. */
export type FactPart = "body" | "xyd" | "tax";

const month = (date: string) => `substr(${date}, 1, 7)`;

/** Which enterprises a statement recomputes, and a row it leaves out as if not yet inserted. */
interface Scope {
  onlyEntity: (column: string) => string;
  without?: { table: string; id: string };
}

/** `AND alias.id <> …` when the scope leaves out a row of this table. */
const unless = (scope: Scope, table: string, alias: string) =>
  scope.without?.table === table ? ` AND ${alias}.id <> ${scope.without.id}` : "";

interface PartSpans {
  /** Rows with district_id, town_id (0: none), t (end month, null while open) and the start columns below. */
  source: (scope: Scope) => string;
  facts: { fact: FactName; from: string; where?: string }[];
}

// Starts of 信易贷 facts are the latest of registration, enrolment, verification and first loan, so a fact
// never precedes what it rests on; a missing date (not verified, no loan) leaves the fact out (max() is null).
const PARTS: Record<FactPart, PartSpans> = {
  body: {
    source: (scope) => `SELECT district_id, coalesce(town_id, 0) AS town_id, kind, uscc_failures,
      ${month("registered_on")} AS registered, ${month("exited_on")} AS t
      FROM entities e WHERE ${scope.onlyEntity("e.id")}${unless(scope, "entities", "e")}`,
    facts: [
      { fact: FACTS.codedBody, from: "registered", where: "uscc_failures IS NOT NULL" },
      { fact: FACTS.invalidCode, from: "registered", where: "uscc_failures IS NOT NULL AND uscc_failures <> '[]'" },
      { fact: FACTS.liveEnterprise, from: "registered", where: "kind = 'enterprise'" },
    ],
  },
  xyd: {
    source: (scope) => `SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(${month("e.registered_on")}, ${month("x.enrolled_on")}) AS enrolled,
      max(${month("e.registered_on")}, ${month("x.enrolled_on")}, ${month("x.verified_on")}) AS verified,
      max(${month("e.registered_on")}, ${month("x.enrolled_on")}, ${month("x.verified_on")},
        (SELECT ${month("min(l.granted_on)")} FROM xyd_loans l
          WHERE l.entity_id = x.entity_id${unless(scope, "xyd_loans", "l")})) AS first_loan,
      ${month("e.exited_on")} AS t
      FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'${unless(scope, "entities", "e")}
      WHERE ${scope.onlyEntity("x.entity_id")}${unless(scope, "xyd_enrolments", "x")}`,
    facts: [
      { fact: FACTS.xydEnrolled, from: "enrolled" },
      { fact: FACTS.xydVerified, from: "verified" },
      { fact: FACTS.xydVerifiedWithLoan, from: "first_loan" },
    ],
  },
  // An A rating holds from its publication until the enterprise's next rating is published (by publication
  // date, then rating year, so of two ratings published the same day the later year is the latest) or the
  // enterprise closes, whichever comes first.
  tax: {
    source: (scope) => `SELECT e.district_id, coalesce(e.town_id, 0) AS town_id,
      max(${month("e.registered_on")}, ${month("a.published_on")}) AS published,
      ${month("min(coalesce(e.exited_on, a.next_published), coalesce(a.next_published, e.exited_on))")} AS t
      FROM (SELECT a.entity_id, a.published_on,
          (SELECT n.published_on FROM tax_ratings n
            WHERE n.entity_id = a.entity_id AND (n.published_on, n.rating_year) > (a.published_on, a.rating_year)${unless(scope, "tax_ratings", "n")}
            ORDER BY n.published_on, n.rating_year LIMIT 1) AS next_published
        FROM tax_ratings a WHERE a.grade = 'A' AND ${scope.onlyEntity("a.entity_id")}${unless(scope, "tax_ratings", "a")}) a
      JOIN entities e ON e.id = a.entity_id AND e.kind = 'enterprise'${unless(scope, "entities", "e")}`,
    facts: [{ fact: FACTS.taxA, from: "published" }],
  },
};

/** +1 at the start month and −1 at the end month of each interval of the part's records in scope. */
function flowEvents(part: FactPart, scope: Scope): string {
  const spans = PARTS[part].facts.map(({ fact, from, where }) =>
    `SELECT '${fact}' AS fact, district_id, town_id, ${from} AS f, t FROM (${PARTS[part].source(scope)})${where ? ` WHERE ${where}` : ""}`,
  ).join(" UNION ALL ");
  return `SELECT fact, district_id, town_id, CASE WHEN s.sign > 0 THEN f ELSE t END AS month, s.sign AS n
    FROM (${spans}) JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
      ON f IS NOT NULL AND (f < t OR (t IS NULL AND s.sign > 0))`;
}

/** Adds (sign 1) or subtracts (sign −1) the part's flows of the records in scope. */
function applyFlows(part: FactPart, sign: 1 | -1, scope: Scope): string {
  // `WHERE true` keeps SQLite from reading ON CONFLICT as a join constraint of the SELECT.
  return `INSERT INTO fact_flows (fact, district_id, town_id, month, n)
  SELECT fact, district_id, town_id, month, ${sign === 1 ? "" : "-"}sum(n) FROM (${flowEvents(part, scope)}) WHERE true
  GROUP BY fact, district_id, town_id, month
  ON CONFLICT (fact, district_id, town_id, month) DO UPDATE SET n = n + excluded.n`;
}

const everyone: Scope = { onlyEntity: () => "true" };
const entitiesIn = (...ids: string[]): Scope => ({ onlyEntity: (column) => `${column} IN (${ids.join(", ")})` });

/** Recomputes every flow and shared-code candidate from the records (after a bulk load without triggers). */
export function rebuildFactFlowsSql(): string[] {
  return [
    "DELETE FROM fact_flows",
    ...(["body", "xyd", "tax"] as const).map((part) => applyFlows(part, 1, everyone)),
    "DELETE FROM shared_code_candidates",
    `INSERT INTO shared_code_candidates (uscc)
  SELECT uscc FROM entities WHERE uscc IS NOT NULL GROUP BY uscc HAVING count(*) > 1`,
  ];
}


const ENTERPRISE_COLUMNS = "id, kind, district_id, town_id, registered_on, exited_on";

/**
 * For each table behind a part, on every change: the touched enterprises' part is subtracted as it was and
 * added as it is, each computed from the rows of the moment. An update or delete does this before and after
 * the row changes. An insert does both after it, leaving the new row out for the old state: a BEFORE INSERT
 * trigger also fires for an upsert that turns into an update (whose update triggers then run) and for an
 * insert that is ignored, and would subtract twice. (INSERT OR REPLACE deletes the row it replaces without
 * delete triggers unless PRAGMA recursive_triggers is on; the writers do not use it on these tables.)
 * An update may move a row to another enterprise, so both the old and the new one are recomputed.
 */
function triggerSpecs(): TriggerSpec[] {
  const specs: TriggerSpec[] = [];
  const paired = (name: string, table: string, columns: string, parts: FactPart[], key: string) => {
    const inserted = entitiesIn(`NEW.${key}`);
    specs.push({
      name: `${name}_insert`, timing: "AFTER", event: "INSERT", table,
      body: parts.flatMap((p) => [applyFlows(p, -1, { ...inserted, without: { table, id: "NEW.id" } }), applyFlows(p, 1, inserted)]),
    });
    const changes: [string, string, Scope][] = [
      ["delete", "DELETE", entitiesIn(`OLD.${key}`)],
      ["update", `UPDATE OF ${columns}`, entitiesIn(`OLD.${key}`, `NEW.${key}`)],
    ];
    for (const [label, event, scope] of changes) {
      specs.push(
        { name: `${name}_${label}_before`, timing: "BEFORE", event, table, body: parts.map((p) => applyFlows(p, -1, scope)) },
        { name: `${name}_${label}_after`, timing: "AFTER", event, table, body: parts.map((p) => applyFlows(p, 1, scope)) },
      );
    }
  };
  paired("fact_flows_entities", "entities", `${ENTERPRISE_COLUMNS}, uscc_failures`, ["body", "xyd", "tax"], "id");
  paired("fact_flows_xyd_enrolments", "xyd_enrolments", "entity_id, enrolled_on, verified_on", ["xyd"], "entity_id");
  paired("fact_flows_xyd_loans", "xyd_loans", "entity_id, granted_on", ["xyd"], "entity_id");
  paired("fact_flows_tax_ratings", "tax_ratings", "entity_id, rating_year, grade, published_on", ["tax"], "entity_id");
  // A code becomes a candidate when a second body carries it; found through the code index.
  const candidate = `INSERT OR IGNORE INTO shared_code_candidates (uscc)
  SELECT NEW.uscc WHERE NEW.uscc IS NOT NULL AND EXISTS (SELECT 1 FROM entities WHERE uscc = NEW.uscc AND id <> NEW.id)`;
  specs.push(
    { name: "shared_code_candidates_insert", timing: "AFTER", event: "INSERT", table: "entities", body: [candidate] },
    { name: "shared_code_candidates_update", timing: "AFTER", event: "UPDATE OF uscc", table: "entities", body: [candidate] },
  );
  return specs;
}

export function factTriggersSql(): string[] {
  return triggerSpecs().map(createTriggerSql);
}

/**
 * The migration that holds the generator's current output; a change to the triggers is a new migration of
 * this same text (`npx drizzle-kit generate --custom`), named here, and the test holds the file to it.
 */
export const FACT_FLOWS_MIGRATION = "0008_fact_flow_triggers_insert_after";

/** Triggers of earlier migrations that the current set no longer has: 0007 subtracted before an insert. */
const RETIRED_TRIGGERS = ["entities", "xyd_enrolments", "xyd_loans", "tax_ratings"]
  .flatMap((table) => [`fact_flows_${table}_insert_before`, `fact_flows_${table}_insert_after`]);

/** The migration's statements: replace every fact trigger, then refill the tables from the records. */
export function factFlowsMigrationStatements(): string[] {
  const names = [...new Set([...RETIRED_TRIGGERS, ...triggerSpecs().map((t) => t.name)])];
  return [...names.map((name) => `DROP TRIGGER IF EXISTS \`${name}\``), ...factTriggersSql(), ...rebuildFactFlowsSql()];
}

/** The migration file's text (drizzle-kit splits statements at the breakpoints). */
export function factFlowsMigrationSql(): string {
  return migrationText(factFlowsMigrationStatements());
}

/**
 * Adds the flows of the given facts up to the grid's last month to the counters: months before the
 * grid fall into its first month (as IntervalCounter clamps them), later months are not read.
 */
export async function addFactFlows(
  client: Client, grid: MonthGrid, units: UnitIndex, counters: Partial<Record<FactName, IntervalCounter>>,
): Promise<void> {
  const facts = Object.keys(counters) as FactName[];
  const rows = await client.execute({
    sql: `SELECT fact, district_id, town_id, max(month, ?) AS flow_month, sum(n) AS n FROM fact_flows
          WHERE month <= ? AND fact IN (${facts.map(() => "?").join(", ")})
          GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0`,
    args: [grid.months[0]!, grid.months[grid.size - 1]!, ...facts],
  });
  for (const r of rows.rows) {
    const townId = Number(r.town_id);
    const chain = units.chain(Number(r.district_id), townId === 0 ? null : townId);
    counters[r.fact as FactName]!.add(chain, grid.indexOf(`${String(r.flow_month)}-01`), grid.size, Number(r.n));
  }
}
