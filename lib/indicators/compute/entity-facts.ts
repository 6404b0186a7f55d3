import type { Client } from "@libsql/client";
import { IntervalCounter, type MonthGrid } from "./grid";
import type { UnitIndex } from "./units";

const num = (v: unknown) => Number(v ?? 0);
const idOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export interface EntityCounters {
  withCode: IntervalCounter;
  badCode: IntervalCounter;
  liveEnterprises: IntervalCounter;
}

/**
 * Bodies alive at each month end: with a code, with an invalid or shared code, and 存续企业.
 * A code counts as shared at a month end when another body alive then carries the same code.
 */
export async function countEntityFacts(client: Client, grid: MonthGrid, units: UnitIndex): Promise<EntityCounters> {
  const c = { withCode: counter(units, grid), badCode: counter(units, grid), liveEnterprises: counter(units, grid) };
  const alive = await client.execute({
    sql: `SELECT district_id, town_id, kind = 'enterprise' AS enterprise, uscc_failures IS NOT NULL AS has_code,
            (uscc_failures IS NOT NULL AND uscc_failures <> '[]') AS invalid,
            ${grid.sqlIndex("registered_on")} AS f, ${grid.sqlIndex("exited_on")} AS t, count(*) AS n
          FROM entities WHERE registered_on <= ? AND (exited_on IS NULL OR exited_on > ?)
          GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    args: [grid.lastEnd, grid.firstStart],
  });
  for (const r of alive.rows) {
    const chain = units.chain(idOrNull(r.district_id), idOrNull(r.town_id));
    const [f, t, n] = [num(r.f), num(r.t), num(r.n)];
    if (num(r.enterprise)) c.liveEnterprises.add(chain, f, t, n);
    if (num(r.has_code)) c.withCode.add(chain, f, t, n);
    if (num(r.invalid)) c.badCode.add(chain, f, t, n);
  }
  await addSharedCodes(client, grid, units, c.badCode);
  return { withCode: c.withCode.finish(), badCode: c.badCode.finish(), liveEnterprises: c.liveEnterprises.finish() };
}

async function addSharedCodes(client: Client, grid: MonthGrid, units: UnitIndex, badCode: IntervalCounter) {
  const shared = await client.execute({
    sql: `SELECT uscc, district_id, town_id, ${grid.sqlIndex("registered_on")} AS f, ${grid.sqlIndex("exited_on")} AS t
          FROM entities
          WHERE uscc IN (SELECT uscc FROM entities WHERE uscc IS NOT NULL GROUP BY uscc HAVING count(*) > 1)
            AND (uscc_failures IS NULL OR uscc_failures = '[]')
          ORDER BY uscc, id`,
    args: [],
  });
  // Holders of one code all share its validity; invalid codes were counted once above as invalid.
  const groups = new Map<string, { chain: number[]; f: number; t: number }[]>();
  for (const r of shared.rows) {
    const code = String(r.uscc);
    if (!groups.has(code)) groups.set(code, []);
    groups.get(code)!.push({ chain: units.chain(idOrNull(r.district_id), idOrNull(r.town_id)), f: num(r.f), t: num(r.t) });
  }
  for (const members of groups.values()) {
    for (let k = 0; k < grid.size; k++) {
      const alive = members.filter((m) => m.f <= k && k < m.t);
      if (alive.length >= 2) for (const m of alive) badCode.addAt(m.chain, k);
    }
  }
}

function counter(units: UnitIndex, grid: MonthGrid) {
  return new IntervalCounter(units.size, grid.size);
}
