import { asc, desc, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments, indicators, orgUnits, planTasks, taskUnits, supervisionItemDepartments, supervisionItems, supervisionRecords, type SupervisionItem } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import type { WorkCalendar } from "@/lib/calendar";
import { isParty } from "./actions";
import { lightOf, type Light } from "./deadline";
import { judgeItemRecords, type DataState, type RecordStates } from "./record-states";

export interface ItemView extends SupervisionItem {
  /** What the item is about, in words: "城关区统一社会信用代码重错码率" or "工作任务 3：…". */
  subject: string;
  indicatorName: string;
  indicatorUnit: string;
  unitName: string;
  departments: { id: number; name: string }[];
  light: Light;
}

/** Whose items a viewer sees: the office and leaders all; a department those handed to it; a district its own. */
async function scope(db: Db, viewer: Viewer): Promise<SQL | undefined | false> {
  if (viewer.role === "office" || viewer.role === "leader") return undefined;
  if (viewer.role === "district") return viewer.districtId ? eq(supervisionItems.districtId, viewer.districtId) : false;
  if (!viewer.departmentId) return false;
  const ids = (await db.select({ id: supervisionItemDepartments.itemId }).from(supervisionItemDepartments).where(eq(supervisionItemDepartments.departmentId, viewer.departmentId))).map((r) => r.id);
  return ids.length ? inArray(supervisionItems.id, ids) : false;
}

async function withNames(db: Db, items: SupervisionItem[], calendar: WorkCalendar, today: string): Promise<ItemView[]> {
  if (items.length === 0) return [];
  const ids = items.map((i) => i.id);
  const [names, units, owners] = await Promise.all([
    db.select({ code: indicators.code, name: indicators.name, unit: indicators.unit }).from(indicators),
    db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, [...new Set(items.flatMap((i) => (i.orgUnitId === null ? [] : [i.orgUnitId])))])),
    db.select({ itemId: supervisionItemDepartments.itemId, id: departments.id, name: departments.shortName }).from(supervisionItemDepartments)
      .innerJoin(departments, eq(departments.id, supervisionItemDepartments.departmentId)).where(inArray(supervisionItemDepartments.itemId, ids)),
  ]);
  const indicatorName = new Map(names.map((n) => [n.code, n.name]));
  const indicatorUnit = new Map(names.map((n) => [n.code, n.unit]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return items.map((item) => {
    const indicator = item.indicatorCode === null ? "" : indicatorName.get(item.indicatorCode) ?? item.indicatorCode;
    const unit = item.orgUnitId === null ? "" : unitName.get(item.orgUnitId) ?? "";
    return {
    ...item, subject: itemSubject(item, unit, indicator), indicatorName: indicator,
    indicatorUnit: item.indicatorCode === null ? "" : indicatorUnit.get(item.indicatorCode) ?? "", unitName: unit,
    departments: owners.filter((o) => o.itemId === item.id).map((o) => ({ id: o.id, name: o.name })),
    light: lightOf(item.status, item.deadline, today, calendar),
    };
  });
}

/** An item's subject in words: the unit and indicator of a value, or the task it pursues. */
export function itemSubject(item: Pick<SupervisionItem, "taskId" | "taskLabel">, unitName: string, indicatorName: string): string {
  return item.taskId !== null ? `工作任务 ${item.taskLabel ?? `#${item.taskId}`}` : `${unitName}${indicatorName}`;
}

const LIGHT_ORDER: Record<string, number> = { red: 0, yellow: 1, green: 2 };

/** The viewer's items, overdue first, then by deadline; closed ones last. */
export async function listItems(db: Db, viewer: Viewer, calendar: WorkCalendar, today: string): Promise<ItemView[]> {
  const where = await scope(db, viewer);
  if (where === false) return [];
  const items = await db.select().from(supervisionItems).where(where).orderBy(asc(supervisionItems.deadline), desc(supervisionItems.id)).limit(1_000);
  const views = await withNames(db, items, calendar, today);
  return views.sort((a, b) => (LIGHT_ORDER[a.light ?? ""] ?? 3) - (LIGHT_ORDER[b.light ?? ""] ?? 3));
}

export interface WarningItem { id: number; status: SupervisionItem["status"]; light: Light }

/**
 * The latest item opened for each indicator and unit of a month, keyed `indicator|unit`: shown beside the
 * warnings it answers, wherever they are listed.
 */
export async function itemsForMonth(db: Db, month: string, calendar: WorkCalendar, today: string): Promise<Map<string, WarningItem>> {
  const rows = await db.select({ id: supervisionItems.id, indicatorCode: supervisionItems.indicatorCode, orgUnitId: supervisionItems.orgUnitId, status: supervisionItems.status, deadline: supervisionItems.deadline })
    .from(supervisionItems).where(eq(supervisionItems.month, month)).orderBy(asc(supervisionItems.id));
  return new Map(rows.map((r) => [`${r.indicatorCode}|${r.orgUnitId}`, { id: r.id, status: r.status, light: lightOf(r.status, r.deadline, today, calendar) }]));
}

/** The items handed to one department (for its page, whoever may see that page), open ones first. */
export async function itemsOfDepartment(db: Db, departmentId: number, calendar: WorkCalendar, today: string): Promise<ItemView[]> {
  const ids = (await db.select({ id: supervisionItemDepartments.itemId }).from(supervisionItemDepartments).where(eq(supervisionItemDepartments.departmentId, departmentId))).map((r) => r.id);
  if (ids.length === 0) return [];
  const items = await db.select().from(supervisionItems).where(inArray(supervisionItems.id, ids)).orderBy(asc(supervisionItems.deadline)).limit(200);
  const views = await withNames(db, items, calendar, today);
  return views.sort((a, b) => (LIGHT_ORDER[a.light ?? ""] ?? 3) - (LIGHT_ORDER[b.light ?? ""] ?? 3));
}

/** The items handed to a district (for its page, whoever may see that page), open ones first. */
export async function itemsOfDistrict(db: Db, districtId: number, calendar: WorkCalendar, today: string): Promise<ItemView[]> {
  const items = await db.select().from(supervisionItems).where(eq(supervisionItems.districtId, districtId)).orderBy(asc(supervisionItems.deadline)).limit(200);
  const views = await withNames(db, items, calendar, today);
  return views.sort((a, b) => (LIGHT_ORDER[a.light ?? ""] ?? 3) - (LIGHT_ORDER[b.light ?? ""] ?? 3));
}

/** How an item's records are judged against the data: directly, through a memo (pages), or not at all (null). */
export type RecordJudge = ((item: SupervisionItem) => Promise<RecordStates | null>) | null;

/**
 * One item with its records and what the data says of each, or "forbidden" for someone who is neither office, leader
 * nor a party.
 */
export async function getItem(db: Db, viewer: Viewer, id: number, calendar: WorkCalendar, today: string, judge: RecordJudge = (item) => judgeItemRecords(db, item)) {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const [item] = await db.select().from(supervisionItems).where(eq(supervisionItems.id, id));
  if (!item) return null;
  const party = await isParty(db, viewer, item);
  if (!party && viewer.role !== "office" && viewer.role !== "leader") return "forbidden" as const;
  const [view] = await withNames(db, [item], calendar, today);
  const [records, states] = await Promise.all([
    db.select().from(supervisionRecords).where(eq(supervisionRecords.itemId, id)).orderBy(asc(supervisionRecords.position)),
    judge ? judge(item) : null,
  ]);
  // What the data says of each record now; null where it cannot be told (decision 020).
  const dataStateOf = (recordId: number): DataState | null => {
    const fixed = states?.fixed.get(recordId);
    return fixed === undefined ? null : { fixed, month: states!.month };
  };
  return {
    item: view!, party, columns: JSON.parse(item.columns) as { key: string; label: string }[],
    records: records.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, string | number | null>, dataState: dataStateOf(r.id) })),
  };
}

/** Open items per department, for the office's overview of who holds what. */
export async function countsByDepartment(db: Db): Promise<{ name: string; open: number }[]> {
  const rows = await db.select({ name: departments.shortName, status: supervisionItems.status }).from(supervisionItemDepartments)
    .innerJoin(supervisionItems, eq(supervisionItems.id, supervisionItemDepartments.itemId))
    .innerJoin(departments, eq(departments.id, supervisionItemDepartments.departmentId));
  const counts = new Map<string, number>();
  for (const r of rows) if (r.status !== "accepted") counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  return [...counts].map(([name, open]) => ({ name, open })).sort((a, b) => b.open - a.open);
}

/** What the 督办 list filters by: the districts and the indicators. */
export async function filterChoices(db: Db) {
  const [districts, catalogue] = await Promise.all([
    db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.level, "district")),
    db.select({ code: indicators.code, name: indicators.name }).from(indicators),
  ]);
  return { districts, catalogue };
}

/** The indicator, the unit and the default owner departments of a value about to be handed over; null when either is unknown. */
export async function openingFacts(db: Db, indicatorCode: string, unitId: number) {
  const [[indicator], [unit], all] = await Promise.all([
    db.select().from(indicators).where(eq(indicators.code, indicatorCode)),
    db.select().from(orgUnits).where(eq(orgUnits.id, unitId)),
    db.select({ id: departments.id, code: departments.code }).from(departments),
  ]);
  if (!indicator || !unit) return null;
  const ownerCodes = JSON.parse(indicator.ownerDepartments) as string[];
  return { indicator, unit, owners: all.filter((d) => ownerCodes.includes(d.code)).map((d) => d.id) };
}

/** A task about to be handed over: its number, title and deadline, and the departments carrying it; null when unknown. */
export async function taskOpeningFacts(db: Db, taskId: number) {
  if (!Number.isSafeInteger(taskId) || taskId <= 0) return null;
  const [task] = await db.select({ id: planTasks.id, number: planTasks.number, title: planTasks.title, deadline: planTasks.deadline }).from(planTasks).where(eq(planTasks.id, taskId));
  if (!task) return null;
  const units = await db.selectDistinct({ id: taskUnits.departmentId }).from(taskUnits).where(eq(taskUnits.taskId, taskId));
  return { task, owners: units.map((u) => u.id) };
}

/** The latest item opened for each task, keyed by task id: shown beside the task wherever it is listed. */
export async function itemsForTasks(db: Db, calendar: WorkCalendar, today: string): Promise<Map<number, WarningItem>> {
  const rows = await db.select({ id: supervisionItems.id, taskId: supervisionItems.taskId, status: supervisionItems.status, deadline: supervisionItems.deadline })
    .from(supervisionItems).where(isNotNull(supervisionItems.taskId)).orderBy(asc(supervisionItems.id));
  return new Map(rows.map((r) => [r.taskId!, { id: r.id, status: r.status, light: lightOf(r.status, r.deadline, today, calendar) }]));
}
