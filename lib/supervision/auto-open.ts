import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments, indicators, orgUnits, supervisionItems, warnings } from "@/db/schema";
import { systemViewer } from "@/lib/auth/viewer";
import { loadWorkCalendar } from "@/lib/calendar/store";
import { todayInChina } from "@/lib/dates";
import { getMonitoredMonths } from "@/lib/indicators/compute/run-compute";
import { addWorkingDays } from "./deadline";
import { announceLater } from "./notify";
import { openSupervision } from "./open";
import { readSupervisionSettings } from "./settings";

/**
 * After a computation that included the latest month: every red warning of that month, for an indicator the office has set to
 * open items by itself, that has no item yet becomes one — for the city and its districts (a town's value is
 * its district's to pursue), handed to the indicator's owner departments with the default deadline, through the
 * same write path as one opened by hand. Returns the ids opened.
 */
export async function openForNewRedWarnings(db: Db, computedMonths: readonly string[]): Promise<number[]> {
  const settings = await readSupervisionSettings(db);
  if (settings.autoOpen.length === 0 || computedMonths.length === 0) return [];
  // Only the monitored latest month's warnings are new; a recomputed earlier month's were seen before.
  const month = (await getMonitoredMonths(db)).at(-1)!;
  if (!computedMonths.includes(month)) return [];
  const reds = await db.select({ indicatorCode: warnings.indicatorCode, orgUnitId: warnings.orgUnitId, level: orgUnits.level })
    .from(warnings).innerJoin(orgUnits, eq(orgUnits.id, warnings.orgUnitId))
    .where(and(eq(warnings.month, month), eq(warnings.kind, "red"), inArray(warnings.indicatorCode, settings.autoOpen), inArray(orgUnits.level, ["city", "district"])));
  if (reds.length === 0) return [];
  const existing = new Set((await db.select({ code: supervisionItems.indicatorCode, unit: supervisionItems.orgUnitId }).from(supervisionItems)
    .where(eq(supervisionItems.month, month))).map((i) => `${i.code}|${i.unit}`));
  const [catalogue, allDepartments, calendar] = await Promise.all([
    db.select({ code: indicators.code, owners: indicators.ownerDepartments }).from(indicators),
    db.select({ id: departments.id, code: departments.code }).from(departments),
    loadWorkCalendar(db),
  ]);
  const deadline = addWorkingDays(calendar, todayInChina(), settings.defaultWorkingDays);
  const viewer = systemViewer("自动督办");
  const opened: number[] = [];
  for (const red of reds) {
    if (existing.has(`${red.indicatorCode}|${red.orgUnitId}`)) continue;
    const ownerCodes = JSON.parse(catalogue.find((i) => i.code === red.indicatorCode)?.owners ?? "[]") as string[];
    const departmentIds = allDepartments.filter((d) => ownerCodes.includes(d.code)).map((d) => d.id);
    if (departmentIds.length === 0) continue; // nobody to hand it to: the office opens it by hand
    const outcome = await openSupervision(db, viewer, {
      indicatorCode: red.indicatorCode, orgUnitId: red.orgUnitId, month, warningKind: "red", departmentIds, deadline,
      note: "该指标出现红色预警，按信用办设置自动开具督办。",
    });
    if (outcome.ok) {
      opened.push(outcome.value.id);
      announceLater(db, "assigned", outcome.value.id);
    }
  }
  return opened;
}
