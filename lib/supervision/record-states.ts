import type { Db } from "@/db/client";
import { systemViewer, type Viewer } from "@/lib/auth/viewer";
import type { IsoMonth } from "@/lib/dates";
import { drilldownRowIdentity, drilldownRowOutstanding, getDrilldown, listedKeys, recordsBelongToTheirMonth } from "@/lib/indicators/drilldown";

// A listing read whole to judge rows without keys (the 上报率's per-department rows); a larger one cannot say what is gone.
const LISTING_LIMIT = 50_000;

/** What the data says of an item's frozen records now, by their row ids in supervision_records. */
export interface RecordStates {
  /** The month the records were judged in: the item's own for a month's own records, else the latest computed. */
  month: IsoMonth;
  /** Each judged record's id, and whether the data no longer holds it; a record missing here cannot be told. */
  fixed: Map<number, boolean>;
}

/** What the data says of one frozen record, as pages and exports show it. */
export interface DataState { fixed: boolean; month: string }

/**
 * Whether each of a 督办 item's frozen records is fixed in the data: the same drill-down that froze them read again
 * when the item is looked at (decision 020) — for a month's own records (双公示 decisions) in the item's month, for
 * what stands at month end (codes, open cases, list entries) in the latest computed month — and a record it no
 * longer lists is fixed. Null when it cannot be told (no records, no computed month, the listing not readable).
 */
export async function judgeItemRecords(db: Db, item: { id: number; indicatorCode: string | null; orgUnitId: number | null; month: string; recordCount: number }):
  Promise<RecordStates | null> {
  if (!item.indicatorCode || item.orgUnitId === null || item.recordCount === 0) return null;
  const month = recordsBelongToTheirMonth(item.indicatorCode) ? item.month as IsoMonth : await latestComputedMonth(db);
  if (!month) return null;
  const query = { indicatorCode: item.indicatorCode, orgUnitId: item.orgUnitId, month };
  const viewer = systemViewer("督办记录核验");
  // Records whose listing keys its rows are judged in one statement: the listing asked for the item's own records by key.
  const listed = await listedKeys(db, viewer, query, "SELECT asked.record_key FROM supervision_records asked WHERE asked.item_id = :itemId");
  if (listed === "forbidden") return null;
  if (listed) {
    // As one JSON text: the client's row objects cost more than the query for 5,000 records (db/select-arrays.ts).
    const { rows: [row] } = await db.$client.execute({
      sql: `SELECT json_group_array(json_array(own.id, own.record_key IN (${listed.sql}))) AS judged
        FROM supervision_records own WHERE own.item_id = :itemId AND own.record_key IS NOT NULL`,
      args: { ...listed.args, itemId: item.id },
    });
    const judged = JSON.parse(String(row?.judged ?? "[]")) as [number, number][];
    return { month, fixed: new Map(judged.map(([id, stillListed]) => [id, !stillListed])) };
  }
  return judgeByIdentity(db, viewer, item.id, query);
}

/** Rows without keys (the 上报率's per-department rows, a few per unit) compared with the whole listing by identity. */
async function judgeByIdentity(db: Db, viewer: Viewer, itemId: number, query: { indicatorCode: string; orgUnitId: number; month: IsoMonth }): Promise<RecordStates | null> {
  const size = await getDrilldown(db, viewer, { ...query, pageSize: 1 });
  if (!size || size === "forbidden" || size.total > LISTING_LIMIT) return null;
  const listing = await getDrilldown(db, viewer, { ...query, pageSize: LISTING_LIMIT });
  if (!listing || listing === "forbidden" || listing.total > listing.rows.length) return null;
  const outstanding = new Set(listing.rows.filter(drilldownRowOutstanding).map(drilldownRowIdentity));
  const { rows } = await db.$client.execute({
    sql: "SELECT id, json_extract(data, '$.id') AS record_id, json_extract(data, '$.department') AS department FROM supervision_records WHERE item_id = ?",
    args: [itemId],
  });
  const states: RecordStates = { month: query.month, fixed: new Map() };
  for (const r of rows) {
    const identity = drilldownRowIdentity({ id: r.record_id as number | null, department: r.department as string | null });
    if (identity !== null) states.fixed.set(Number(r.id), !outstanding.has(identity));
  }
  return states;
}

async function latestComputedMonth(db: Db): Promise<IsoMonth | null> {
  const { rows: [row] } = await db.$client.execute("SELECT max(month) AS month FROM indicator_values");
  return row?.month ? String(row.month) as IsoMonth : null;
}
