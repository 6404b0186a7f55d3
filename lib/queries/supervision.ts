import "server-only";
import { getDb } from "@/db";
import { loadWorkCalendar } from "@/lib/calendar/store";
import { todayInChina } from "@/lib/dates";
import { itemsForMonth, itemsForTasks, type WarningItem } from "@/lib/supervision/queries";

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
