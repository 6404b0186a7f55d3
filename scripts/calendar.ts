/**
 * Working-day calendar (State Council holiday notices, 调休 included) and the 双公示 reporting deadline.
 *   tsx scripts/calendar.ts [--overrides FILE.json] workday YYYY-MM-DD
 *   tsx scripts/calendar.ts [--overrides FILE.json] deadline YYYY-MM-DD   (the deadline alone on the last line)
 *   tsx scripts/calendar.ts [--overrides FILE.json] years
 *   tsx scripts/calendar.ts enter NOTICE.json   (stores a year's notice for the indicators)
 * The store's entered notices (DATABASE_URL) always apply; --overrides adds a trial file on top.
 * FILE.json: { "enteredYears": [2027], "overrides": [{ "date": "2027-01-01", "kind": "holiday", "note": "元旦" }] }
 * NOTICE.json: { "year": 2027, "notice": "国办发明电〔2026〕…号", "overrides": [{ "date": …, "kind": …, "note": … }] }
 * Exit 0 = answered, 2 = usage error, malformed date or file, or a year without a holiday notice.
 */
import { readFileSync } from "node:fs";
import { addDays, dayNumber, isIsoDate, type IsoDate } from "../lib/dates";
import { dbConfigFromEnv, openDb, tuneLocalDb } from "../db/client";
import { migrateDb } from "../db/migrate";
import { enterHolidayNotice, getCalendarEntries } from "../lib/calendar/store";
import { systemViewer } from "../lib/auth/viewer";
import { write } from "../lib/write";
import {
  createWorkCalendar,
  parseHolidayNotice,
  sgsReportingDeadline,
  SGS_REPORTING_WORKING_DAYS,
  UncoveredYearError,
  type CalendarOverride,
  type WorkCalendar,
} from "../lib/calendar";

const USAGE = "用法：npm run calendar -- [--overrides FILE.json] workday|deadline YYYY-MM-DD | years | enter NOTICE.json";
const WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

class UsageError extends Error {}

function weekday(date: IsoDate): string {
  return WEEKDAYS[(((dayNumber(date) + 4) % 7) + 7) % 7]!; // day 0, 1970-01-01, was a Thursday
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8").decode(readFileSync(path)).replace(/^\uFEFF/, ""));
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err instanceof SyntaxError ? "不是有效的JSON" : String(err));
    throw new UsageError(`无法读取文件：${path}（${reason}）`);
  }
}

function readOverrides(path: string): { overrides: CalendarOverride[]; enteredYears: number[] } {
  const parsed = readJson(path);
  const file = parsed as { enteredYears?: unknown; overrides?: unknown } | null;
  const enteredYears = file?.enteredYears ?? [];
  const overrides = file?.overrides ?? [];
  if (typeof file !== "object" || !Array.isArray(enteredYears) || !Array.isArray(overrides)) {
    throw new UsageError(`节假日调整文件格式错误：${path}（应为 { "enteredYears": [...], "overrides": [...] }）`);
  }
  if (!overrides.every((o) => typeof o === "object" && o !== null && typeof o.date === "string")) {
    throw new UsageError(`节假日调整文件格式错误：${path}（每条调整需有 date、kind）`);
  }
  return { overrides: overrides as CalendarOverride[], enteredYears: enteredYears as number[] };
}

function dateArg(value: string | undefined): IsoDate {
  if (value === undefined) throw new UsageError("缺少日期参数");
  if (!isIsoDate(value)) throw new UsageError(`日期参数格式错误：${value}（应为YYYY-MM-DD，如2025-09-30）`);
  return value;
}

function workday(calendar: WorkCalendar, date: IsoDate): string[] {
  const day = calendar.describe(date);
  if (day.workday) return [`${date} 工作日`];
  return [`${date} 休息日${day.names.length > 0 ? `（${day.names.join("、")}）` : ""}`];
}

function deadline(calendar: WorkCalendar, decision: IsoDate): string[] {
  const result = sgsReportingDeadline(calendar, decision);
  const lines = [
    `决定日期：${decision}（${weekday(decision)}），当日不计入`,
    `报送期限为其后第${SGS_REPORTING_WORKING_DAYS}个工作日（按国务院办公厅节假日安排，含调休上班日）：`,
  ];
  let counted = 0;
  for (let date = addDays(decision, 1); date <= result; date = addDays(date, 1)) {
    const day = calendar.describe(date);
    if (day.workday) {
      const weekend = weekday(date) === "星期六" || weekday(date) === "星期日";
      const note = weekend ? `，调休上班${day.names.length > 0 ? `：${day.names.join("、")}` : ""}` : "";
      lines.push(`  第${++counted}个工作日：${date}（${weekday(date)}${note}）`);
      continue;
    }
    let last = date;
    while (!calendar.isWorkday(addDays(last, 1))) last = addDays(last, 1);
    const span = last === date ? `${date}（${weekday(date)}）` : `${date}（${weekday(date)}）至${last}（${weekday(last)}）`;
    lines.push(`  休息日：${span}${day.names.length > 0 ? `（${day.names.join("、")}）` : ""}`);
    date = last;
  }
  lines.push(result);
  return lines;
}

async function openStore() {
  const config = dbConfigFromEnv();
  const db = openDb(config);
  await tuneLocalDb(db, config.url);
  await migrateDb(db);
  return db;
}

async function enter(path: string | undefined): Promise<string[]> {
  if (path === undefined) throw new UsageError("enter 后缺少通知文件路径");
  const parsed = parseHolidayNotice(readJson(path));
  if (!parsed.ok) throw new UsageError(`节假日通知文件有误：\n  ${parsed.errors.join("\n  ")}`);
  const db = await openStore();
  try {
    const outcome = await write(db, systemViewer("命令行 calendar enter"), enterHolidayNotice, parsed.notice);
    if (!outcome.ok) throw new UsageError(outcome.message);
    const { recordsToRederive } = outcome.value;
    return [
      `已录入${parsed.notice.year}年节假日安排：${parsed.notice.overrides.length}天。`,
      `${recordsToRederive}条双公示记录将在下次计算时重新判定及时性，请运行 npm run compute。`,
    ];
  } finally {
    db.$client.close();
  }
}

async function main(argv: string[]): Promise<string[]> {
  const args = [...argv];
  if (args[0] === "enter") return enter(args[1]);
  const at = args.indexOf("--overrides");
  let entered = { overrides: [] as CalendarOverride[], enteredYears: [] as number[] };
  if (at >= 0) {
    const [, path] = args.splice(at, 2);
    if (path === undefined) throw new UsageError("--overrides 后缺少文件路径");
    entered = readOverrides(path);
  }
  const db = await openStore();
  const stored = await getCalendarEntries(db).finally(() => db.$client.close());
  const calendar = createWorkCalendar([...stored.overrides, ...entered.overrides], [...stored.enteredYears, ...entered.enteredYears]);
  const [command, value, ...rest] = args;
  if (command === undefined) throw new UsageError("缺少子命令");
  if (command === "years") return [`已录入节假日安排的年份：${calendar.coveredYears().join("、")}`];
  if (command !== "workday" && command !== "deadline") throw new UsageError(`未知子命令：${command}`);
  if (rest.length > 0) throw new UsageError("参数过多");
  const date = dateArg(value);
  return command === "workday" ? workday(calendar, date) : deadline(calendar, date);
}

main(process.argv.slice(2)).then(
  (lines) => process.stdout.write(`${lines.join("\n")}\n`),
  (err: unknown) => {
    if (err instanceof UsageError) process.stderr.write(`${err.message}\n${USAGE}\n`);
    else if (err instanceof UncoveredYearError || err instanceof RangeError) process.stderr.write(`${err.message}\n`);
    else throw err;
    process.exitCode = 2;
  },
);
