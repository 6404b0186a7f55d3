import type { Client } from "@libsql/client";
import { FACTS, addFactFlows } from "./fact-flows";
import { IntervalCounter, type MonthGrid } from "./grid";
import { num, type UnitIndex } from "./units";


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
  await addFactFlows(client, grid, units, {
    [FACTS.codedBody]: c.withCode, [FACTS.invalidCode]: c.badCode, [FACTS.liveEnterprise]: c.liveEnterprises,
  });
  await addSharedCodes(client, grid, units, c.badCode);
  return { withCode: c.withCode.finish(), badCode: c.badCode.finish(), liveEnterprises: c.liveEnterprises.finish() };
}

async function addSharedCodes(client: Client, grid: MonthGrid, units: UnitIndex, badCode: IntervalCounter) {
  const shared = await client.execute({
    sql: `SELECT uscc, district_id, town_id, ${grid.sqlIndex("registered_on")} AS f, ${grid.sqlIndex("exited_on")} AS t
          FROM entities
          WHERE uscc IN (SELECT uscc FROM shared_code_candidates)
            AND (uscc_failures IS NULL OR uscc_failures = '[]')
          ORDER BY uscc, id`,
    args: [],
  });
  // Candidates once had two holders; whether two are alive at a month end is decided here, per month.
  // Holders of one code all share its validity; invalid codes were counted once above as invalid.
  const groups = new Map<string, { chain: number[]; f: number; t: number }[]>();
  for (const r of shared.rows) {
    const code = String(r.uscc);
    if (!groups.has(code)) groups.set(code, []);
    groups.get(code)!.push({ chain: units.chainOfRow(r), f: num(r.f), t: num(r.t) });
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
