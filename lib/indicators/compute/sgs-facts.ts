import type { Client } from "@libsql/client";
import { IntervalCounter, type MonthGrid } from "./grid";
import { num, type UnitIndex } from "./units";

export interface SgsCounters {
  decisions: IntervalCounter;
  reported: IntervalCounter;
  compliant: IntervalCounter;
  timely: IntervalCounter;
  timelinessKnown: IntervalCounter;
  /** Records whose timeliness the holiday calendar cannot decide yet, per month (city-wide). */
  undecided: number[];
}

/**
 * 双公示 facts by the month of the decision: the month's decisions (the departments' own counts),
 * the records reported for them, those passing every field rule, and those reported in time.
 */
export async function countSgsFacts(client: Client, grid: MonthGrid, units: UnitIndex): Promise<SgsCounters> {
  const make = () => new IntervalCounter(units.size, grid.size);
  const c = { decisions: make(), reported: make(), compliant: make(), timely: make(), timelinessKnown: make() };
  const undecided = new Array<number>(grid.size).fill(0);
  // The triggers keep the counts per district, town and decision month (sgs-month-facts.ts): a few thousand rows
  // instead of a scan of every record in the months.
  const records = await client.execute({
    sql: `SELECT district_id, nullif(town_id, 0) AS town_id, month, reported AS n, compliant, timely, known
          FROM sgs_month_facts WHERE month >= ? AND month <= ? AND reported <> 0`,
    args: [grid.months[0]!, grid.months[grid.size - 1]!],
  });
  for (const r of records.rows) {
    const chain = units.chainOfRow(r);
    const k = grid.indexOf(`${String(r.month)}-01`);
    c.reported.addAt(chain, k, num(r.n));
    c.compliant.addAt(chain, k, num(r.compliant));
    c.timely.addAt(chain, k, num(r.timely));
    c.timelinessKnown.addAt(chain, k, num(r.known));
    undecided[k] = (undecided[k] ?? 0) + num(r.n) - num(r.known);
  }
  const decisions = await client.execute({
    sql: `SELECT org_unit_id, month, sum(decisions) AS n FROM decision_counts WHERE month >= ? AND month <= ? GROUP BY 1, 2`,
    args: [grid.months[0]!, grid.months[grid.size - 1]!],
  });
  for (const r of decisions.rows) {
    c.decisions.addAt(units.chainOfUnit(num(r.org_unit_id)), grid.indexOf(`${String(r.month)}-01`), num(r.n));
  }
  return {
    decisions: c.decisions.finish(), reported: c.reported.finish(), compliant: c.compliant.finish(),
    timely: c.timely.finish(), timelinessKnown: c.timelinessKnown.finish(), undecided,
  };
}
