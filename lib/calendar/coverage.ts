import type { Db } from "@/db/client";
import { todayInChina } from "@/lib/dates";
import { loadWorkCalendar } from "./store";

/**
 * The year whose holiday notice the office should enter now: from December on, next year's, until it is in the
 * calendar (bundled or entered). Null when nothing is missing.
 */
export async function missingNoticeYear(db: Db, today = todayInChina()): Promise<number | null> {
  const [year, month] = today.split("-").map(Number) as [number, number];
  if (month !== 12) return null;
  const covered = (await loadWorkCalendar(db)).coveredYears();
  return covered.includes(year + 1) ? null : year + 1;
}
