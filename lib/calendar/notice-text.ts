import { addDays, isIsoDate, type IsoDate } from "@/lib/dates";
import type { HolidayNotice } from "./notice";

/**
 * Reads the State Council's holiday notice as it is published (国务院办公厅关于YYYY年部分节假日安排的通知): one
 * numbered item per holiday, "名称：M月D日（周X）至[M月]D日（周X）放假[调休]，共N天。M月D日（周X）、M月D日（周X）上班。"
 * A day range that starts in December belongs to the year before (元旦). Full-width and half-width punctuation,
 * line breaks inside an item and the notice's preamble are all tolerated; items that name no dates are reported.
 */
export type NoticeTextParse =
  | { ok: true; notice: HolidayNotice; holidays: { name: string; from: IsoDate; to: IsoDate; workdays: IsoDate[] }[] }
  | { ok: false; errors: string[] };

const ITEM = /(?:^|\n|\s)[一二三四五六七八九十]{1,2}[、.．]\s*([^：:\n]{1,20})[：:]([\s\S]*?)(?=(?:\n|\s)[一二三四五六七八九十]{1,2}[、.．]|$)/g;
const DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日/g;

export function parseNoticeText(text: string, year: number): NoticeTextParse {
  const clean = text.normalize("NFKC").replace(/\r/g, "").replace(/[ \t\u3000]+/g, " ");
  const errors: string[] = [];
  const holidays: { name: string; from: IsoDate; to: IsoDate; workdays: IsoDate[] }[] = [];
  const overrides: HolidayNotice["overrides"] = [];
  for (const match of clean.matchAll(ITEM)) {
    const name = match[1]!.trim();
    const body = match[2]!.replace(/\s+/g, "");
    const restAt = body.indexOf("放假");
    if (restAt < 0) continue; // the closing paragraph ("节假日期间，各地区、各部门要…") names no break
    const restDates = datesIn(body.slice(0, restAt), year, name);
    if (restDates.length === 0) {
      errors.push(`“${name}”：没有读到放假日期`);
      continue;
    }
    const from = restDates[0]!;
    const to = /至/.test(body.slice(0, restAt)) ? restDates.at(-1)! : from;
    if (to < from) {
      errors.push(`“${name}”：放假结束日期 ${to} 早于开始日期 ${from}`);
      continue;
    }
    // The working days are the dates of the sentence(s) ending in 上班, after the break.
    const workdays: IsoDate[] = [];
    for (const sentence of body.slice(restAt).split(/[。；;]/)) {
      if (/上班/.test(sentence)) workdays.push(...datesIn(sentence, year, name, from));
    }
    holidays.push({ name, from, to, workdays });
    for (let d = from; d <= to; d = addDays(d, 1)) overrides.push({ date: d, kind: "holiday", note: name });
    for (const d of workdays) overrides.push({ date: d, kind: "workday", note: `${name}调休上班` });
  }
  if (holidays.length === 0 && errors.length === 0) errors.push("没有读到任何节假日安排：请粘贴通知正文（含“一、元旦：……放假……”各条）");
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, notice: { year, overrides }, holidays };
}

/** The dates a clause names, in order; "M月D日至D日" carries the month on, and a December in a 元旦 clause is the year before. */
function datesIn(clause: string, year: number, name: string, after?: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  let month: number | null = null;
  for (const m of clause.matchAll(DATE)) {
    month = m[2] ? Number(m[2]) : month;
    if (month === null) continue;
    const written = m[1] ? Number(m[1]) : null;
    let y = written ?? year;
    if (!written && month === 12 && (/元旦/.test(name) || (after && after.startsWith(`${year - 1}-12`)))) y = year - 1;
    const date = `${y}-${String(month).padStart(2, "0")}-${String(Number(m[3])).padStart(2, "0")}`;
    if (isIsoDate(date)) dates.push(date as IsoDate);
  }
  return dates;
}
