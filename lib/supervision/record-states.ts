import type { BatchExecutor, BatchStatement } from "@/db/batch-executor";
import { selectArrays } from "@/db/select-arrays";
import type { Db } from "@/db/client";
import { systemViewer } from "@/lib/auth/viewer";
import type { IsoMonth } from "@/lib/dates";
import type { Viewer } from "@/lib/auth/viewer";
import { tablesChangedWith } from "@/db/changed-tables";
import { drilldownRowIdentity, drilldownRowOutstanding, getDrilldown, listingReads, recordsBelongToTheirMonth } from "@/lib/indicators/drilldown";
import { DRILLDOWN_SPECS } from "@/lib/indicators/drilldown/specs";

// The listing an item's records are compared with is read in one page; a larger one cannot say what is gone.
const LISTING_LIMIT = 50_000;

/**
 * After a computation, whether the data now shows each attached record fixed: the same drill-down that froze
 * the records is read again (for a month's own records, in the item's month; for what stands at month end,
 * at the latest month), and a record it no longer lists is fixed. Only items whose judging month was just
 * recomputed are read again, and when the computation follows a change to known tables (an import), only those whose
 * listing reads a table it changed: the others list what they listed at their last check. Returns the number of
 * items checked.
 */
export async function refreshRecordStates(db: Db, executor: BatchExecutor, recomputed: readonly IsoMonth[], changedTables?: readonly string[]): Promise<number> {
  const latest = await db.$client.execute("SELECT max(month) AS month FROM indicator_values");
  const latestMonth = latest.rows[0]?.month ? String(latest.rows[0].month) as IsoMonth : null;
  const items = await db.$client.execute("SELECT id, indicator_code, org_unit_id, month, record_count FROM supervision_items WHERE record_count > 0");
  const due = new Set(recomputed);
  const changed = changedTables ? [...await tablesChangedWith(db.$client, changedTables)] : null;
  const dueItems = items.rows.flatMap((row) => {
    const code = String(row.indicator_code);
    if (changed && listingReads(code, changed).length === 0) return [];
    const month = (recordsBelongToTheirMonth(code) ? String(row.month) : latestMonth) as IsoMonth | null;
    return month && due.has(month)
      ? [{ id: Number(row.id), records: Number(row.record_count), query: { indicatorCode: code, orgUnitId: Number(row.org_unit_id), month } }]
      : [];
  });
  const viewer = systemViewer("督办记录核验");
  const updates: BatchStatement[] = [];
  let checked = 0;
  // The due items' records read for many items at a time, and every verdict written in one batch at the end: on a
  // libSQL server each statement is a round trip, and 300 items took three each (decision 015).
  for (const chunk of chunksOfRecords(dueItems, RECORDS_PER_READ)) {
    const records = await selectArrays(db.$client, {
      key: "id",
      // Only the fields a record is known by (drilldownRowIdentity), not the whole frozen row.
      columns: ["item_id", "id", "json_extract(data, '$.id')", "json_extract(data, '$.department')", "fixed_in_data", "fixed_checked_month"],
      from: "FROM supervision_records",
      where: "item_id IN (SELECT value FROM json_each(?))",
      args: [JSON.stringify(chunk.map((i) => i.id))],
    });
    const recordsOf = new Map<number, { id: number; identity: string | null; fixed: unknown; checked: unknown }[]>();
    for (const [itemId, id, recordId, department, fixed, checked] of records) {
      const list = recordsOf.get(Number(itemId)) ?? [];
      list.push({ id: Number(id), identity: drilldownRowIdentity({ id: recordId as number | null, department: department as string | null }), fixed, checked });
      recordsOf.set(Number(itemId), list);
    }
    // A few items' listings read at once from a server, which answers them side by side; a local file one after
    // another (at once they took 8.1 s instead of 5.5 s on the 5M city).
    await forEachLimited(chunk, executor.remote ? CHECKS_AT_ONCE : 1, async (item) => {
      const identities = recordsOf.get(item.id) ?? [];
      const outstanding = await stillListed(db, viewer, item.query, identities.map((r) => r.identity));
      if (!outstanding) return;
      checked++;
      // Only records whose verdict changes are written, compared with what is stored: most stay unfixed from one
      // computation to the next, and the 5M city's 300 items hold 250,000 records (every item checked: cpu 4.0 → 3.8 s).
      const changed: number[] = [];
      const fixed: number[] = [];
      for (const r of identities) {
        if (r.identity === null) continue;
        const isFixed = !outstanding.has(r.identity);
        if (r.checked === item.query.month && Number(r.fixed) === Number(isFixed) && r.fixed !== null) continue;
        changed.push(r.id);
        if (isFixed) fixed.push(r.id);
      }
      if (changed.length === 0) return;
      updates.push({
        sql: `UPDATE supervision_records SET fixed_checked_month = ?1, fixed_in_data = id IN (SELECT value FROM json_each(?2))
          WHERE item_id = ?3 AND id IN (SELECT value FROM json_each(?4))`,
        args: [item.query.month, JSON.stringify(fixed), item.id, JSON.stringify(changed)],
      });
    });
  }
  if (updates.length > 0) await executor.run(updates);
  return checked;
}

const CHECKS_AT_ONCE = 4;
// Frozen records are about 120 bytes each: 10,000 make a response well inside a libSQL server's 10 MB.
const RECORDS_PER_READ = 10_000;

/** Consecutive groups of items holding at most `limit` records between them (an item above it alone). */
function chunksOfRecords<T extends { records: number }>(items: readonly T[], limit: number): T[][] {
  const chunks: T[][] = [];
  let size = Infinity;
  for (const item of items) {
    if (size + item.records > limit) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)!.push(item);
    size += item.records;
  }
  return chunks;
}

async function forEachLimited<T>(list: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < list.length) await work(list[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, worker));
}

/**
 * Which of the given rows the drill-down still lists (and has left to do): only those records asked for, where the
 * rows are records with ids — never the whole listing, which on the largest cities is a district's bodies (300 items
 * took the compute 31.6 s on the 5M city reading listings whole); the per-department 上报率 rows are read whole.
 * Null when the listing cannot say (not visible, or too long to read).
 */
async function stillListed(db: Db, viewer: Viewer, query: { indicatorCode: string; orgUnitId: number; month: IsoMonth }, identities: (string | null)[]) {
  const ids = identities.filter((i): i is string => !!i?.startsWith("id:")).map((i) => Number(i.slice(3)));
  if (ids.length === identities.filter((i) => i !== null).length && ids.length > 0 && DRILLDOWN_SPECS[query.indicatorCode]?.key) {
    const listing = await getDrilldown(db, viewer, { ...query, onlyIds: ids, keysOnly: true, pageSize: ids.length });
    if (!listing || listing === "forbidden") return null;
    return new Set(listing.rows.filter(drilldownRowOutstanding).map(drilldownRowIdentity));
  }
  const size = await getDrilldown(db, viewer, { ...query, pageSize: 1 });
  if (!size || size === "forbidden" || size.total > LISTING_LIMIT) return null;
  const listing = await getDrilldown(db, viewer, { ...query, pageSize: LISTING_LIMIT });
  if (!listing || listing === "forbidden" || listing.total > listing.rows.length) return null;
  return new Set(listing.rows.filter(drilldownRowOutstanding).map(drilldownRowIdentity));
}
