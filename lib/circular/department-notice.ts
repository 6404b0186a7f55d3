import { and, asc, eq, inArray, isNull, lte, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  circulars, compositeScores, departments, indicators, orgUnits, supervisionItemDepartments, supervisionItems, taskUnits, warnings,
  type Department, type SupervisionStatus,
} from "@/db/schema";
import type { WorkCalendar } from "@/lib/calendar";
import { loadWorkCalendar } from "@/lib/calendar/store";
import { addMonths, formatMonthZh, todayInChina, type IsoDate, type IsoMonth } from "@/lib/dates";
import { loadTaskBoard } from "@/lib/plans/task-board";
import { lightOf, type Light } from "@/lib/supervision/deadline";
import { STATUS_LABELS } from "@/lib/supervision/labels";
import { formatDateZh } from "./content";
import { documentValue } from "./load-facts";
import { renderDepartmentNoticeDocx, zipDepartmentNotices } from "./department-notice-docx";

/**
 * 问题清单: one page per responsible department beside the monthly circular — its red and yellow indicators, its
 * open 督办 items and its overdue or off-track work-plan tasks — so each department gets its own list to work from.
 */
export interface NoticeWarning { kind: "red" | "yellow"; unitName: string; indicator: string; valueText: string; targetText: string }
export interface NoticeItem { id: number; subject: string; unitName: string; deadline: IsoDate; status: SupervisionStatus; light: Light }
export interface NoticeTask { number: string; title: string; deadline: string | null; status: "overdue" | "off_track"; lead: boolean }

export interface DepartmentNoticeFacts {
  month: IsoMonth;
  /** The day the statuses and lights were read (items and tasks stand as they are today, as in the circular). */
  asOf: IsoDate;
  department: Pick<Department, "id" | "code" | "name" | "shortName">;
  /** The circular the list goes with: the issued one's title and number, or the draft's title. */
  circular: { title: string; documentNumber: string | null };
  warnings: NoticeWarning[];
  items: NoticeItem[];
  tasks: NoticeTask[];
}

export interface NoticeCounts { red: number; yellow: number; items: number; tasks: number }

export function noticeCounts(f: Pick<DepartmentNoticeFacts, "warnings" | "items" | "tasks">): NoticeCounts {
  const red = f.warnings.filter((w) => w.kind === "red").length;
  return { red, yellow: f.warnings.length - red, items: f.items.length, tasks: f.tasks.length };
}

export const hasNoticeItems = (f: DepartmentNoticeFacts) => f.warnings.length + f.items.length + f.tasks.length > 0;

interface Options { today?: IsoDate; calendar?: WorkCalendar }

const LEVEL_ORDER: Record<string, number> = { city: 0, district: 1, town: 2 };
const LIGHT_ORDER: Record<string, number> = { red: 0, yellow: 1, green: 2 };

/**
 * The month's lists for every department, in the departments' order, empty ones included; null when the month has
 * no computed figures. Everything is read once and shared out by owner.
 */
export function loadAllDepartmentNoticeFacts(db: Db, month: IsoMonth, options: Options = {}): Promise<DepartmentNoticeFacts[] | null> {
  return loadNoticeFacts(db, month, options);
}

/** One department's list: "month" when the month has no computed figures, "department" when there is no such department. */
export async function loadDepartmentNoticeFacts(db: Db, month: IsoMonth, departmentId: number, options: Options = {}): Promise<DepartmentNoticeFacts | "month" | "department"> {
  const facts = await loadNoticeFacts(db, month, options, departmentId);
  return facts === null ? "month" : facts[0] ?? "department";
}

/** Every department's lists, or only `departmentId`'s (whose items and tasks alone are then read). */
async function loadNoticeFacts(db: Db, month: IsoMonth, options: Options, departmentId?: number): Promise<DepartmentNoticeFacts[] | null> {
  const [computed] = await db.select({ month: compositeScores.month }).from(compositeScores).where(eq(compositeScores.month, month)).limit(1);
  if (!computed) return null;
  const today = options.today ?? todayInChina();
  const taskIds = departmentId === undefined ? undefined
    : (await db.selectDistinct({ id: taskUnits.taskId }).from(taskUnits).where(eq(taskUnits.departmentId, departmentId))).map((r) => r.id);
  const [calendar, depts, warningRows, itemRows, owners, board, [issued], units] = await Promise.all([
    options.calendar ?? loadWorkCalendar(db),
    db.select().from(departments).where(departmentId === undefined ? undefined : eq(departments.id, departmentId)).orderBy(asc(departments.sortOrder), asc(departments.id)),
    db.select({ w: warnings, indicator: indicators, unit: orgUnits }).from(warnings)
      .innerJoin(indicators, eq(indicators.code, warnings.indicatorCode)).innerJoin(orgUnits, eq(orgUnits.id, warnings.orgUnitId))
      .where(and(eq(warnings.month, month), inArray(warnings.kind, ["red", "yellow"]))),
    db.select({ item: supervisionItems, indicator: indicators.name, unit: orgUnits })
      .from(supervisionItems).leftJoin(indicators, eq(indicators.code, supervisionItems.indicatorCode)).leftJoin(orgUnits, eq(orgUnits.id, supervisionItems.orgUnitId))
      // Open items of the month and before, as the circular's 督办 paragraph counts them.
      .where(and(lte(supervisionItems.month, month), ne(supervisionItems.status, "accepted"))),
    db.select().from(supervisionItemDepartments).where(departmentId === undefined ? undefined : eq(supervisionItemDepartments.departmentId, departmentId)),
    taskIds?.length === 0 ? Promise.resolve([]) : loadTaskBoard(db, month, taskIds),
    db.select({ title: circulars.title, documentNumber: circulars.documentNumber }).from(circulars)
      .where(and(eq(circulars.month, month), isNull(circulars.voidedOn))).limit(1),
    db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.level, "district")),
  ]);
  const districtOf = new Map(units.map((u) => [u.id, u.name]));
  // A town is written with its district (城关区东大街街道), as offices write it.
  const unitName = (u: { name: string; level: string; parentId: number | null } | null) => {
    if (!u) return "—";
    const district = u.level === "town" && u.parentId !== null ? districtOf.get(u.parentId) ?? "" : "";
    return u.name.startsWith(district) ? u.name : `${district}${u.name}`;
  };
  const sortedWarnings = warningRows.map((r) => ({ ...r, owners: JSON.parse(r.w.owners) as string[] })).sort((a, b) =>
    (a.w.kind === "red" ? 0 : 1) - (b.w.kind === "red" ? 0 : 1) || a.indicator.sortOrder - b.indicator.sortOrder
    || (LEVEL_ORDER[a.unit.level] ?? 3) - (LEVEL_ORDER[b.unit.level] ?? 3) || a.unit.sortOrder - b.unit.sortOrder || a.unit.id - b.unit.id);
  const ownersOf = new Map<number, number[]>();
  for (const o of owners) ownersOf.set(o.itemId, [...(ownersOf.get(o.itemId) ?? []), o.departmentId]);
  const items = itemRows.map(({ item, indicator, unit }) => ({
    departments: ownersOf.get(item.id) ?? [],
    view: {
      id: item.id, deadline: item.deadline, status: item.status, light: lightOf(item.status, item.deadline, today, calendar),
      subject: item.taskId !== null ? `工作任务${item.taskLabel ?? `#${item.taskId}`}` : indicator ?? item.indicatorCode ?? "—",
      unitName: item.taskId !== null ? "—" : unitName(unit),
    } satisfies NoticeItem,
  })).sort((a, b) => (LIGHT_ORDER[a.view.light ?? ""] ?? 3) - (LIGHT_ORDER[b.view.light ?? ""] ?? 3) || a.view.deadline.localeCompare(b.view.deadline) || a.view.id - b.view.id);
  const lateTasks = board.filter((t) => t.status === "overdue" || t.status === "off_track");
  const circular = issued ?? { title: `关于${formatMonthZh(month)}全市社会信用体系建设监测情况的通报`, documentNumber: null };

  return depts.map((d) => ({
    month, asOf: today, circular,
    department: { id: d.id, code: d.code, name: d.name, shortName: d.shortName },
    warnings: sortedWarnings.filter((r) => r.owners.includes(d.code)).map(({ w, indicator, unit }) => ({
      kind: w.kind as "red" | "yellow", unitName: unitName(unit), indicator: indicator.name, valueText: documentValue(w.value, indicator.unit),
      // The target the warning was judged against that month, as the circular states it.
      targetText: `${indicator.direction === "higher" ? "≥" : "≤"}${documentValue(w.target, indicator.unit)}`,
    })),
    items: items.filter((i) => i.departments.includes(d.id)).map((i) => i.view),
    tasks: lateTasks.filter((t) => [...t.leads, ...t.units].some((u) => u.id === d.id)).map((t) => ({
      number: t.number, title: t.title, deadline: t.deadline, status: t.status as "overdue" | "off_track", lead: t.leads.some((u) => u.id === d.id),
    })),
  }));
}

export type NoticeContent =
  | { kind: "table"; columns: string[]; rows: string[][]; /** Columns of running text, set flush left and wrapped. */ textColumns: number[]; note?: string }
  /** What an empty section says instead of an empty table. */
  | { kind: "sentence"; text: string };

export interface DepartmentNoticeDocument {
  month: IsoMonth;
  department: string;
  /** 关于2026年10月市市场监管局信用监测问题整改的清单 */
  title: string;
  /** The title as printed, broken after the department's name: a word-break alone splits 市场监管局. */
  titleLines: string[];
  /** The line naming the circular the list goes with. */
  lead: string;
  sections: { heading: string; content: NoticeContent }[];
  /** Who reports what by when. */
  closing: string;
}

const LIGHTS: Record<Exclude<Light, null>, string> = { red: "红灯", yellow: "黄灯", green: "绿灯" };
const count = (n: number, unit: string) => (n > 0 ? `（${n}${unit}）` : "");

/** The list as a small document model, every sentence from the facts. */
export function buildDepartmentNotice(f: DepartmentNoticeFacts): DepartmentNoticeDocument {
  const month = formatMonthZh(f.month);
  const name = f.department.shortName;
  const c = noticeCounts(f);
  const asOf = formatDateZh(f.asOf);
  // Rectification is reported by the 10th of the month after the circular is issued, as the circular asks.
  const due = formatDateZh(`${addMonths(f.month, 2)}-10`);
  const circular = `《${f.circular.title}》${f.circular.documentNumber ? `（${f.circular.documentNumber}）` : ""}`;
  const table = (columns: string[], rows: string[][], textColumns: number[], note?: string): NoticeContent => ({ kind: "table", columns, rows, textColumns, note });
  const sentence = (text: string): NoticeContent => ({ kind: "sentence", text });
  return {
    month: f.month, department: name,
    title: `关于${month}${name}信用监测问题整改的清单`,
    titleLines: [`关于${month}${name}`, "信用监测问题整改的清单"],
    lead: `本清单随${circular}印发。`,
    sections: [
      {
        heading: `（一）红色、黄色预警指标${c.red + c.yellow > 0 ? `（红色${c.red}项、黄色${c.yellow}项）` : ""}`,
        content: f.warnings.length === 0 ? sentence(`${month}本部门负责的指标无红色、黄色预警。`)
          : table(["单位", "指标", "数值", "目标", "预警"], f.warnings.map((w) => [w.unitName, w.indicator, w.valueText, w.targetText, w.kind === "red" ? "红色" : "黄色"]), [0, 1]),
      },
      {
        heading: `（二）未办结的督办事项${count(c.items, "件")}`,
        content: f.items.length === 0 ? sentence(`截至${asOf}，本部门无未办结的督办事项。`)
          : table(["事项", "单位", "期限", "状态", "红黄绿灯"], f.items.map((i) => [i.subject, i.unitName, i.deadline, STATUS_LABELS[i.status], i.light ? LIGHTS[i.light] : "—"]), [0, 1],
            `状态截至${asOf}；红灯已逾期，黄灯3个工作日内到期；按所列期限办理。`),
      },
      {
        heading: `（三）逾期或进度滞后的任务${count(c.tasks, "项")}`,
        content: f.tasks.length === 0 ? sentence("工作要点中本部门承担的任务无逾期或进度滞后。")
          : table(["序号", "任务", "期限", "状态"], f.tasks.map((t) => [t.number, `${t.title}${t.lead ? "（牵头）" : ""}`, t.deadline ?? "—", t.status === "overdue" ? "逾期" : "进度滞后"]), [1]),
      },
    ],
    closing: hasNoticeItems(f)
      ? `请${name}对照本清单逐项整改，于${due}前将整改情况报市信用办。`
      : `${name}本月无需要整改的问题，请继续保持。`,
  };
}

/** 2026年10月问题清单-市市场监管局.docx */
export const noticeFileName = (f: Pick<DepartmentNoticeFacts, "month" | "department">) => `${formatMonthZh(f.month)}问题清单-${f.department.shortName}.docx`;
/** 2026年10月各部门问题清单.zip */
export const noticesZipName = (month: IsoMonth) => `${formatMonthZh(month)}各部门问题清单.zip`;

export { renderDepartmentNoticeDocx, zipDepartmentNotices };

/** One department's list as a Word file, with its file name. */
export async function departmentNoticeFile(f: DepartmentNoticeFacts): Promise<{ name: string; docx: Buffer }> {
  return { name: noticeFileName(f), docx: await renderDepartmentNoticeDocx(buildDepartmentNotice(f)) };
}

/** The zip of every department that has something on its list; null when none has. */
export async function departmentNoticesZip(all: DepartmentNoticeFacts[]): Promise<Buffer | null> {
  const listed = all.filter(hasNoticeItems);
  if (listed.length === 0) return null;
  return zipDepartmentNotices(await Promise.all(listed.map(departmentNoticeFile)));
}
