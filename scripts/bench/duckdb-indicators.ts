import type { DuckConnection } from "./duckdb";

/** Each indicator's numerator and denominator fact (DESIGN.md §2); counts have no denominator. */
const FORMULAS: [code: string, numerator: string, denominator: string | null][] = [
  ["uscc_error_rate", "bad_code", "with_code"],
  ["sgs_report_rate", "reported", "decisions"],
  ["sgs_compliance_rate", "compliant", "reported"],
  ["sgs_timeliness_rate", "timely", "timeliness_known"],
  ["xyd_enrolled_ratio", "enrolled", "live_enterprises"],
  ["xyd_verified_ratio", "verified", "live_enterprises"],
  ["xyd_loan_ratio", "verified_with_loan", "verified"],
  ["tax_a_share", "tax_a", "live_enterprises"],
  ["blacklist_share", "listed", "live_enterprises"],
  ["blacklist_exit_rate", "exit_window_removed", "exit_window_listed"],
  ["frequent_penalty_count", "frequent_penalty", null],
  ["gov_default_open", "gov_default_open", null],
];

const ALIVE = (reg: string, exit: string, day: string) => `(${reg} <= ${day} AND (${exit} IS NULL OR ${exit} > ${day}))`;

/**
 * Written the plain way, from the definitions rather than from the app's interval arithmetic: every fact
 * is counted per month end by joining the records to the 24 months, per leaf unit (town, else district),
 * then rolled up to the district and city. Leaves `duck_values(month, org_unit_id, code, numerator, denominator)`.
 */
function statements(firstMonth: string, size: number): string[] {
  const facts = (sql: string, columns: string[]) =>
    `INSERT INTO facts SELECT k, leaf, fact, n FROM (${sql}) UNPIVOT (n FOR fact IN (${columns.join(", ")}))`;
  return [
    `CREATE OR REPLACE TABLE months AS
       SELECT k, strftime(s, '%Y-%m') AS month, s, (s + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS e,
              (s - INTERVAL 11 MONTH)::DATE AS w12, (s - INTERVAL 35 MONTH)::DATE AS w36
       FROM (SELECT k::INTEGER AS k, (DATE '${firstMonth}-01' + to_months(k::INTEGER))::DATE AS s FROM range(${size}) r(k))`,
    // A leaf unit and every unit it counts in: itself, its parent, its grandparent.
    `CREATE OR REPLACE TABLE up AS
       SELECT id AS leaf, id AS unit FROM org_units
       UNION ALL SELECT id, parent_id FROM org_units WHERE parent_id IS NOT NULL
       UNION ALL SELECT o.id, p.parent_id FROM org_units o JOIN org_units p ON p.id = o.parent_id WHERE p.parent_id IS NOT NULL`,
    "CREATE OR REPLACE TABLE facts (k INTEGER, leaf INTEGER, fact VARCHAR, n BIGINT)",
    // Bodies alive at a month end that share their code with another body alive then.
    `CREATE OR REPLACE TEMP TABLE shared AS
       SELECT m.k, x.id FROM entities x JOIN months m ON ${ALIVE("x.registered_on", "x.exited_on", "m.e")}
       WHERE x.uscc IN (SELECT uscc FROM entities WHERE uscc IS NOT NULL GROUP BY uscc HAVING count(*) > 1)
       QUALIFY count(*) OVER (PARTITION BY m.k, x.uscc) > 1`,
    facts(`SELECT m.k, coalesce(x.town_id, x.district_id) AS leaf,
             count(*) FILTER (x.uscc IS NOT NULL) AS with_code,
             count(*) FILTER (x.uscc IS NOT NULL AND (x.uscc_failures <> '[]' OR s.id IS NOT NULL)) AS bad_code,
             count(*) FILTER (x.kind = 'enterprise') AS live_enterprises
           FROM entities x JOIN months m ON ${ALIVE("x.registered_on", "x.exited_on", "m.e")}
           LEFT JOIN shared s ON s.k = m.k AND s.id = x.id GROUP BY ALL`, ["with_code", "bad_code", "live_enterprises"]),
    facts(`SELECT m.k, coalesce(e.town_id, e.district_id) AS leaf, count(*) AS enrolled,
             count(*) FILTER (x.verified_on <= m.e) AS verified,
             count(*) FILTER (x.verified_on <= m.e AND l.first_loan <= m.e) AS verified_with_loan
           FROM xyd_enrolments x JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
           JOIN months m ON x.enrolled_on <= m.e AND ${ALIVE("e.registered_on", "e.exited_on", "m.e")}
           LEFT JOIN (SELECT entity_id, min(granted_on) AS first_loan FROM xyd_loans GROUP BY 1) l ON l.entity_id = x.entity_id
           GROUP BY ALL`, ["enrolled", "verified", "verified_with_loan"]),
    // A rating holds from its publication until the next one (by publication, then rating year) is published.
    facts(`SELECT m.k, coalesce(e.town_id, e.district_id) AS leaf, count(*) AS tax_a
           FROM (SELECT entity_id, grade, published_on,
                        lead(published_on) OVER (PARTITION BY entity_id ORDER BY published_on, rating_year) AS next_published
                 FROM tax_ratings) r
           JOIN entities e ON e.id = r.entity_id AND e.kind = 'enterprise'
           JOIN months m ON ${ALIVE("r.published_on", "r.next_published", "m.e")} AND ${ALIVE("e.registered_on", "e.exited_on", "m.e")}
           WHERE r.grade = 'A' GROUP BY ALL`, ["tax_a"]),
    facts(`SELECT m.k, coalesce(e.town_id, e.district_id) AS leaf,
             count(DISTINCT b.entity_id) FILTER (${ALIVE("b.listed_on", "b.removed_on", "m.e")}
               AND ${ALIVE("e.registered_on", "e.exited_on", "m.e")}) AS listed,
             count(DISTINCT b.entity_id) FILTER (b.listed_on <= m.e AND (b.removed_on IS NULL OR b.removed_on >= m.w12)) AS exit_window_listed,
             count(DISTINCT b.entity_id) FILTER (b.removed_on BETWEEN m.w12 AND m.e) AS exit_window_removed
           FROM blacklist_entries b JOIN entities e ON e.id = b.entity_id AND e.kind = 'enterprise' CROSS JOIN months m
           GROUP BY ALL`, ["listed", "exit_window_listed", "exit_window_removed"]),
    facts(`SELECT p.k, coalesce(e.town_id, e.district_id) AS leaf, count(*) AS frequent_penalty
           FROM (SELECT m.k, s.entity_id FROM sgs_records s JOIN months m ON s.decision_date BETWEEN m.w36 AND m.e
                 WHERE s.kind = 'penalty' AND s.entity_id IS NOT NULL GROUP BY ALL HAVING count(*) >= 5) p
           JOIN entities e ON e.id = p.entity_id AND e.kind = 'enterprise' GROUP BY ALL`, ["frequent_penalty"]),
    facts(`SELECT m.k, g.district_id AS leaf, count(*) AS gov_default_open
           FROM gov_default_cases g JOIN months m ON ${ALIVE("g.opened_on", "g.closed_on", "m.e")} GROUP BY ALL`, ["gov_default_open"]),
    facts(`SELECT m.k, coalesce(s.town_id, s.district_id) AS leaf, count(*) AS reported,
             count(*) FILTER (s.failed_rules = '[]') AS compliant, count(*) FILTER (s.working_days_late = 0) AS timely,
             count(s.working_days_late) AS timeliness_known
           FROM sgs_records s JOIN months m ON date_trunc('month', s.decision_date) = m.s GROUP BY ALL`,
      ["reported", "compliant", "timely", "timeliness_known"]),
    facts(`SELECT m.k, d.org_unit_id AS leaf, sum(d.decisions) AS decisions
           FROM decision_counts d JOIN months m ON d.month = m.month GROUP BY ALL`, ["decisions"]),
    `CREATE OR REPLACE TABLE formulas (code VARCHAR, num VARCHAR, den VARCHAR)`,
    `INSERT INTO formulas VALUES ${FORMULAS.map(([c, n, d]) => `('${c}', '${n}', ${d ? `'${d}'` : "NULL"})`).join(", ")}`,
    `CREATE OR REPLACE TABLE duck_values AS
       WITH rolled AS (SELECT k, unit, fact, sum(n) AS n FROM facts JOIN up USING (leaf) GROUP BY ALL)
       SELECT m.month, o.id AS org_unit_id, f.code, coalesce(rn.n, 0)::DOUBLE AS numerator,
              CASE WHEN f.den IS NULL THEN NULL ELSE coalesce(rd.n, 0)::DOUBLE END AS denominator
       FROM months m CROSS JOIN org_units o CROSS JOIN formulas f
       LEFT JOIN rolled rn ON rn.k = m.k AND rn.unit = o.id AND rn.fact = f.num
       LEFT JOIN rolled rd ON rd.k = m.k AND rd.unit = o.id AND rd.fact = f.den`,
  ];
}

/** Computes every indicator for every org unit and month; returns wall and CPU seconds (all DuckDB threads). */
export async function computeWithDuckDb(conn: DuckConnection, firstMonth: string, size: number) {
  const [started, cpu] = [performance.now(), process.cpuUsage()];
  for (const sql of statements(firstMonth, size)) await conn.run(sql);
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}
