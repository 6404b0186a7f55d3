/**
 * The State Council holiday notices bundled in the `chinese-days` package, read from its JSON data.
 * The JSON is used instead of the package's functions because those parse dates in the process time zone
 * (under TZ=America/New_York they answer for the wrong day).
 */
import raw from "chinese-days/dist/chinese-days.json";
import type { IsoDate } from "../dates";
import type { NoticeData } from "./types";

type NamedDays = Readonly<Record<string, string>>;
const data: { readonly holidays: NamedDays; readonly workdays: NamedDays } = raw;

// The package stores "English,中文,days"; notices use the full Chinese names.
const OFFICIAL_NAMES: Readonly<Record<string, string>> = { 清明: "清明节", 端午: "端午节", 中秋: "中秋节" };

function chineseName(value: string): string {
  const name = value.split(",")[1] ?? value;
  return OFFICIAL_NAMES[name] ?? name;
}

function named(days: NamedDays): Map<IsoDate, string> {
  return new Map(Object.entries(days).map(([date, value]) => [date, chineseName(value)]));
}

/**
 * Years whose notice is in the data. Every annual notice sets both a 春节 and a 国庆节 break, and both
 * always fall inside the notice's own year (a 元旦 break can start on 30/31 December of the year before),
 * so a year with both is one whose notice the package carries.
 */
function noticeYears(holidays: ReadonlyMap<IsoDate, string>): number[] {
  const has = (name: string) => new Set([...holidays].filter(([, n]) => n === name).map(([d]) => Number(d.slice(0, 4))));
  const springFestival = has("春节");
  const nationalDay = has("国庆节");
  return [...springFestival].filter((y) => nationalDay.has(y)).sort((a, b) => a - b);
}

let cached: NoticeData | undefined;

export function packageNoticeData(): NoticeData {
  if (!cached) {
    const holidays = named(data.holidays);
    cached = { years: noticeYears(holidays), holidays, workdays: named(data.workdays) };
  }
  return cached;
}

/** The years whose State Council notice `chinese-days` carries, as found in its data. */
export function packageCoveredYears(): readonly number[] {
  return packageNoticeData().years;
}
