import type { Client } from "@libsql/client";
import { IntervalCounter, type MonthGrid } from "./grid";
import type { UnitIndex } from "./units";

const num = (v: unknown) => Number(v ?? 0);
const idOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export interface EnterpriseCounters {
  enrolled: IntervalCounter;
  verified: IntervalCounter;
  verifiedWithLoan: IntervalCounter;
  taxA: IntervalCounter;
}

/**
 * 信易贷 and tax facts of 存续企业 at each month end. Every numerator is intersected with the
 * enterprise's own life, so an enterprise that closed stops counting in the month it closed.
 */
export async function countEnterpriseFacts(client: Client, grid: MonthGrid, units: UnitIndex): Promise<EnterpriseCounters> {
  const c = {
    enrolled: new IntervalCounter(units.size, grid.size),
    verified: new IntervalCounter(units.size, grid.size),
    verifiedWithLoan: new IntervalCounter(units.size, grid.size),
    taxA: new IntervalCounter(units.size, grid.size),
  };
  const xyd = await client.execute({
    sql: `SELECT e.district_id, e.town_id,
            max(${grid.sqlIndex("e.registered_on")}, ${grid.sqlIndex("x.enrolled_on")}) AS fe,
            max(${grid.sqlIndex("e.registered_on")}, ${grid.sqlIndex("x.verified_on")}) AS fv,
            max(${grid.sqlIndex("e.registered_on")}, ${grid.sqlIndex("x.verified_on")}, ${grid.sqlIndex("l.first_loan")}) AS fl,
            ${grid.sqlIndex("e.exited_on")} AS t, count(*) AS n
          FROM xyd_enrolments x
          JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
          LEFT JOIN (SELECT entity_id, min(granted_on) AS first_loan FROM xyd_loans GROUP BY entity_id) l ON l.entity_id = x.entity_id
          WHERE x.enrolled_on <= ? AND (e.exited_on IS NULL OR e.exited_on > ?)
          GROUP BY 1, 2, 3, 4, 5, 6`,
    args: [grid.lastEnd, grid.firstStart],
  });
  for (const r of xyd.rows) {
    const chain = units.chain(idOrNull(r.district_id), idOrNull(r.town_id));
    const t = num(r.t);
    c.enrolled.add(chain, num(r.fe), t, num(r.n));
    c.verified.add(chain, num(r.fv), t, num(r.n));
    c.verifiedWithLoan.add(chain, num(r.fl), t, num(r.n));
  }
  // The latest rating published by a month end applies until the next one is published. Only A ratings
  // are looked at; each finds its successor (by publication date, then rating year, so two ratings published
  // the same day follow each other) once, through the (entity, year) index.
  const ratings = await client.execute({
    sql: `SELECT e.district_id, e.town_id,
            max(${grid.sqlIndex("e.registered_on")}, ${grid.sqlIndex("r.published_on")}) AS f,
            min(${grid.sqlIndex("e.exited_on")}, ${grid.sqlIndex("r.next_published")}) AS t, count(*) AS n
          FROM (
            SELECT a.entity_id, a.published_on,
              (SELECT n.published_on FROM tax_ratings n
                WHERE n.entity_id = a.entity_id AND (n.published_on, n.rating_year) > (a.published_on, a.rating_year)
                ORDER BY n.published_on, n.rating_year LIMIT 1) AS next_published
            FROM tax_ratings a WHERE a.grade = 'A' AND a.published_on <= ?) r
          JOIN entities e ON e.id = r.entity_id AND e.kind = 'enterprise'
          WHERE e.exited_on IS NULL OR e.exited_on > ?
          GROUP BY 1, 2, 3, 4`,
    args: [grid.lastEnd, grid.firstStart],
  });
  for (const r of ratings.rows) {
    c.taxA.add(units.chain(idOrNull(r.district_id), idOrNull(r.town_id)), num(r.f), num(r.t), num(r.n));
  }
  return {
    enrolled: c.enrolled.finish(), verified: c.verified.finish(),
    verifiedWithLoan: c.verifiedWithLoan.finish(), taxA: c.taxA.finish(),
  };
}
