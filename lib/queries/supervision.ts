import "server-only";
import { getDb } from "@/db";
import { loadWorkCalendar } from "@/lib/calendar/store";
import { todayInChina } from "@/lib/dates";
import type { SupervisionItem } from "@/db/schema";
import { itemsForMonth, itemsForTasks, type WarningItem } from "@/lib/supervision/queries";
import { judgeItemRecords, type RecordStates } from "@/lib/supervision/record-states";
import { cachedRead } from "./read-cache";

/** The month's 督办 items by `indicator|unit`, with today's lights: what pages show beside the values they list. */
export async function getMonthItems(month: string): Promise<Map<string, WarningItem>> {
  const db = getDb();
  return itemsForMonth(db, month, await loadWorkCalendar(db), todayInChina());
}

/** The 督办 items of work-plan tasks by task id, with today's lights. */
export async function getTaskItems(): Promise<Map<number, WarningItem>> {
  const db = getDb();
  return itemsForTasks(db, await loadWorkCalendar(db), todayInChina());
}

const judged = cachedRead("itemRecordStates", (id: number, indicatorCode: string | null, orgUnitId: number | null, month: string, recordCount: number) =>
  judgeItemRecords(getDb(), { id, indicatorCode, orgUnitId, month, recordCount }));

/**
 * An item's records judged against the data, kept until the store changes: the page of an item with 5,000 records
 * judges them in tens of milliseconds, and those looking at it call it again and again (decision 020).
 */
export function judgedItemRecords(item: SupervisionItem): Promise<RecordStates | null> {
  return judged(item.id, item.indicatorCode, item.orgUnitId, item.month, item.recordCount);
}
