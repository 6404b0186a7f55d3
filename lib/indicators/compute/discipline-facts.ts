import type { Client } from "@libsql/client";
import { selectArrays } from "@/db/select-arrays";
import { IntervalCounter, type MonthGrid } from "./grid";
import { num, type UnitIndex } from "./units";

/** A penalty counts towards 高频失信 for 36 whole months: (month end − 3 years, month end]. */
export const FREQUENT_PENALTY_MONTHS = 36;
export const FREQUENT_PENALTY_THRESHOLD = 5;
/** 信用修复退出率 looks back over the last 12 months. */
export const EXIT_WINDOW_MONTHS = 12;

export interface DisciplineCounters {
  listed: IntervalCounter;
  exitWindowListed: IntervalCounter;
  exitWindowRemoved: IntervalCounter;
  frequentPenalty: IntervalCounter;
  govDefaultOpen: IntervalCounter;
}

export async function countDisciplineFacts(client: Client, grid: MonthGrid, units: UnitIndex): Promise<DisciplineCounters> {
  const make = () => new IntervalCounter(units.size, grid.size);
  const c = { listed: make(), exitWindowListed: make(), exitWindowRemoved: make(), frequentPenalty: make(), govDefaultOpen: make() };
  await countListings(client, grid, units, c);
  await countFrequentPenalties(client, grid, units, c.frequentPenalty);
  const cases = await client.execute({
    sql: `SELECT district_id, ${grid.sqlIndex("opened_on")} AS f, ${grid.sqlIndex("closed_on")} AS t FROM gov_default_cases
          WHERE opened_on <= ? AND (closed_on IS NULL OR closed_on > ?)`,
    args: [grid.lastEnd, grid.firstStart],
  });
  for (const r of cases.rows) c.govDefaultOpen.add(units.chainOfRow(r), num(r.f), num(r.t));
  return {
    listed: c.listed.finish(), exitWindowListed: c.exitWindowListed.finish(), exitWindowRemoved: c.exitWindowRemoved.finish(),
    frequentPenalty: c.frequentPenalty.finish(), govDefaultOpen: c.govDefaultOpen.finish(),
  };
}

async function countListings(client: Client, grid: MonthGrid, units: UnitIndex, c: Omit<DisciplineCounters, "frequentPenalty" | "govDefaultOpen">) {
  // Read as arrays: a large city lists tens of thousands of enterprises, and the client's row objects cost more than
  // the query (select-arrays.ts).
  const rows = await selectArrays(client, {
    key: "b.id",
    columns: ["b.entity_id", "e.district_id", "e.town_id", "e.registered_on", "e.exited_on", "b.listed_on", "b.removed_on"],
    from: "FROM blacklist_entries b JOIN entities e ON e.id = b.entity_id AND e.kind = 'enterprise'",
    // An entry taken off before the exit window of the grid's first month counts in no month of the grid.
    where: "b.listed_on <= ? AND (b.removed_on IS NULL OR b.removed_on >= ?)",
    args: [grid.lastEnd, `${grid.monthAt(-(EXIT_WINDOW_MONTHS - 1))}-01`],
  });
  // One enterprise, where it counts and while it exists, and each of its entries' months on the list.
  const byEntity = new Map<number, { chain: number[]; aliveFrom: number; aliveTo: number; spans: { listed: number; removed: number }[] }>();
  for (const [entityId, districtId, townId, registeredOn, exitedOn, listedOn, removedOn] of rows) {
    const id = Number(entityId);
    let entity = byEntity.get(id);
    if (!entity) {
      entity = {
        chain: units.chain(districtId as number | null, townId as number | null),
        aliveFrom: grid.indexOf(String(registeredOn)),
        aliveTo: exitedOn === null ? grid.size : grid.indexOf(String(exitedOn)),
        spans: [],
      };
      byEntity.set(id, entity);
    }
    entity.spans.push({
      listed: grid.rawIndexOf(String(listedOn)),
      removed: removedOn === null ? Number.POSITIVE_INFINITY : grid.rawIndexOf(String(removedOn)),
    });
  }
  for (const { chain, aliveFrom, aliveTo, spans } of byEntity.values()) {
    for (let k = 0; k < grid.size; k++) {
      // Distinct enterprises: several entries of one enterprise count once.
      const onList = spans.some((s) => s.listed <= k && s.removed > k);
      if (onList && k >= aliveFrom && k < aliveTo) c.listed.addAt(chain, k);
      const windowStart = k - EXIT_WINDOW_MONTHS;
      if (spans.some((s) => s.listed <= k && s.removed > windowStart)) c.exitWindowListed.addAt(chain, k);
      if (spans.some((s) => s.removed > windowStart && s.removed <= k)) c.exitWindowRemoved.addAt(chain, k);
    }
  }
}

async function countFrequentPenalties(client: Client, grid: MonthGrid, units: UnitIndex, counter: IntervalCounter) {
  const windowFirstMonth = grid.monthAt(-(FREQUENT_PENALTY_MONTHS - 1));
  // Only enterprises that have ever had enough penalties can reach the threshold in a window (the candidates
  // triggers keep, frequent-penalty-candidates.ts); each one's penalties are read through its own index entries.
  // CROSS JOIN keeps SQLite's order: candidates outermost, never a scan of every body's penalties.
  const rows = await client.execute({
    sql: `SELECT s.entity_id, s.decision_date, e.district_id, e.town_id
          FROM frequent_penalty_candidates c
          CROSS JOIN entities e ON e.id = c.entity_id AND e.kind = 'enterprise'
          CROSS JOIN sgs_records s INDEXED BY sgs_entity_kind_decision_idx
            ON s.entity_id = c.entity_id AND s.kind = 'penalty' AND s.decision_date >= ? AND s.decision_date <= ?
          ORDER BY c.entity_id`,
    args: [`${windowFirstMonth}-01`, grid.lastEnd],
  });
  const byEntity = new Map<number, { chain: number[]; months: number[] }>();
  for (const r of rows.rows) {
    const id = num(r.entity_id);
    if (!byEntity.has(id)) byEntity.set(id, { chain: units.chainOfRow(r), months: [] });
    byEntity.get(id)!.months.push(grid.rawIndexOf(String(r.decision_date)));
  }
  for (const { chain, months } of byEntity.values()) {
    for (let k = 0; k < grid.size; k++) {
      const inWindow = months.filter((m) => m <= k && m > k - FREQUENT_PENALTY_MONTHS).length;
      if (inWindow >= FREQUENT_PENALTY_THRESHOLD) counter.addAt(chain, k);
    }
  }
}
