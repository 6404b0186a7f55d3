/**
 * Cell value parsers for departments' 双公示 record files (CSV / Excel exports).
 *
 * Every parser takes the raw cell text and answers { value } (null = the cell is empty or holds an
 * empty marker such as "— —" or "无") or { value: null, problem } when the cell holds something that
 * cannot be used. Problem messages are short Chinese sentences naming what was found; the caller adds
 * the row and column.
 */
import { addDays, dayNumber, fromDayNumber, type IsoDate } from "@/lib/dates";

export type Parsed<T> = { value: T | null; problem?: string };

// ---------------------------------------------------------------------------------------------
// Normalisation and empty markers
// ---------------------------------------------------------------------------------------------

// Invisible characters pasted along from web pages and Office documents: zero-width space/joiners,
// BOM, word joiner, soft hyphen, direction marks, and control characters other than whitespace.
const INVISIBLE = /[\u200B-\u200D\uFEFF\u2060\u00AD\u200E\u200F\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
// JS \s covers tabs, newlines, NBSP, U+2000–U+200A, U+3000 …; U+0085 (NEL) is a line break too.
const WHITESPACE_RUN = /[\s\u0085]+/g;

/**
 * NFKC (full-width digits, letters and punctuation become half-width: "２０２６－１０" → "2026-10",
 * "￥" → "¥", "（" → "("), invisible characters removed, whitespace runs collapsed to one space, trimmed.
 */
export function normalizeCell(raw: string): string {
  // Most cells of an export are already normal (ASCII, common CJK ideographs and punctuation that NFKC keeps,
  // single inner spaces): they are returned as they are, without the cost of normalising every cell of a large file.
  if (ALREADY_NORMAL.test(raw)) return raw;
  return raw.replace(INVISIBLE, "").normalize("NFKC").replace(WHITESPACE_RUN, " ").trim();
}

// Characters NFKC leaves alone and that are neither invisible nor whitespace other than a single inner space:
// printable ASCII, CJK unified ideographs, and the CJK punctuation Chinese documents use (、。〈〉《》「」『』【】〔〕〖〗〘〙〚〛—‘’“”·).
const ALREADY_NORMAL = /^(?! )(?:[\x21-\x7e\u4e00-\u9fff\u3001\u3002\u3008-\u3011\u3014-\u301b\u2014\u2018\u2019\u201c\u201d\u00b7]| (?=[^ ]))*$/;

const DASH = "\\-\u2010-\u2015\u2212\u2500\u2501\u30FC\uFE58\uFE63";
// "-", "--", "—", "——", "— —", "- -", "———" …: a run of dashes, single spaces allowed between them.
const DASH_RUN = new RegExp(`^[${DASH}](?: ?[${DASH}])*$`);
const SLASH_RUN = /^[/\\]+$/;
const EMPTY_WORDS = new Set(["无", "暂无", "空", "空白"]);
const EMPTY_WORDS_LATIN = new Set(["null", "n/a", "#n/a", "na", "nan", "none", "undefined"]);

/** True for blank cells and the ways exports write "nothing here". "0" is a value, not a marker. */
export function isEmptyMarker(cell: string): boolean {
  return isEmptyNormalized(normalizeCell(cell));
}

// The longest empty marker that is a word ("undefined"); dash and slash runs are told by their first character.
const LONGEST_EMPTY_WORD = 9;

function isEmptyNormalized(s: string): boolean {
  if (s === "") return true;
  if (DASH_RUN.test(s) || SLASH_RUN.test(s)) return true;
  if (s.length > LONGEST_EMPTY_WORD) return false;
  if (EMPTY_WORDS.has(s)) return true;
  return EMPTY_WORDS_LATIN.has(s.toLowerCase());
}

// Excel error values (#N/A is an empty marker instead) and "####" (a value wider than its column,
// written out as displayed when a sheet is saved as CSV).
const EXCEL_ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!|GETTING_DATA)$/i;

function excelProblem(s: string): string | undefined {
  if (EXCEL_ERROR.test(s)) return `Excel 错误值：${s.toUpperCase()}`;
  if (/^#{2,}$/.test(s)) return `Excel 列宽不足显示为 ${clip(s)}`;
  return undefined;
}

/** The first 20 characters (code points) of a normalised cell, for problem messages. */
function clip(s: string): string {
  return Array.from(s).slice(0, 20).join("");
}

// ---------------------------------------------------------------------------------------------
// Text and codes
// ---------------------------------------------------------------------------------------------

export function parseText(raw: string): Parsed<string> {
  const s = normalizeCell(raw);
  if (isEmptyNormalized(s)) return { value: null };
  const problem = excelProblem(s);
  if (problem) return { value: null, problem };
  return { value: s };
}

// Spaces and every kind of dash inside a code are separators people add for reading ("12345678-9").
const CODE_SEPARATORS = new RegExp(`[\\s${DASH}]`, "g");
// A long numeric code typed into a number cell: Excel shows and saves it as 9.13501E+17, digits lost.
const SCIENTIFIC = /^\d+(?:\.\d+)?E[+-]?\d+$/;

/**
 * A code (统一社会信用代码, 工商注册号, 组织机构代码, 事业单位证书号 …): normalised, Latin letters
 * upper-cased, inner spaces and hyphens removed. Other characters are kept (some certificate numbers
 * contain Chinese, e.g. 事证第110000001234号); checking a code's form is the caller's job.
 */
export function parseCode(raw: string): Parsed<string> {
  const s = normalizeCell(raw);
  if (isEmptyNormalized(s)) return { value: null };
  const problem = excelProblem(s);
  if (problem) return { value: null, problem };
  const code = s.replace(/[a-z]/g, (c) => c.toUpperCase()).replace(CODE_SEPARATORS, "");
  if (SCIENTIFIC.test(code)) return { value: null, problem: `代码被 Excel 改成了科学计数法：${clip(s)}` };
  return { value: code };
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;
/** 9999-12-31, the last date Excel can hold. */
const MAX_EXCEL_SERIAL = 2958465;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isoOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The date of an Excel serial in the 1900 date system, the fraction (time of day) dropped. Excel
 * counts a 1900-02-29 that never existed: serial 60 is that phantom day (null), 1–59 are
 * 1900-01-01 … 1900-02-28, 61 is 1900-03-01. Null outside 1 … 2958465 (9999-12-31).
 */
export function excelSerialToIsoDate(serial: number): IsoDate | null {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < 1 || day > MAX_EXCEL_SERIAL || day === 60) return null;
  return fromDayNumber(dayNumber("1899-12-30") + day + (day < 60 ? 1 : 0));
}

const ZH_DIGIT_CLASS = "〇○零一二三四五六七八九十";

// The date part at the start of a cell; what follows must be nothing or a time.
const DATE_SEPARATED = /^(\d{4}) ?([-/.]) ?(\d{1,2}) ?\2 ?(\d{1,2})(?!\d)/;
const DATE_ZH = /^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2})(?!\d) ?(?:日|号)?/;
const DATE_ZH_NUMERALS = new RegExp(`^([${ZH_DIGIT_CLASS}O]{4}) ?年 ?([${ZH_DIGIT_CLASS}]{1,3}) ?月 ?([${ZH_DIGIT_CLASS}]{1,3}) ?(?:日|号)`);
const DATE_COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/; // 20261008, 202610081430, 20261008143000
const SERIAL = /^\d+(?:\.\d+)?$/;
const TWO_DIGIT_YEAR = /^(?:(?:\d{2} ?([-/.]) ?\d{1,2} ?\1 ?\d{1,2}|\d{1,2} ?([-/.]) ?\d{1,2} ?\2 ?\d{2})(?!\d)|\d{2} ?年)/;
const YEAR_LAST = /^\d{1,2} ?([-/.]) ?\d{1,2} ?\1 ?\d{4}(?!\d)/;

// A time after the date: 14:30, 14:30:00, 14:30:00.000, 9:05:00, 下午 2:30:00, 2:30 PM, 14时30分,
// 14点30分15秒, optionally a zone (Z, +08:00) as in ISO 8601.
const TIME = new RegExp(
  "^(?:(上午|早上|凌晨|中午|下午|晚上) ?)?(\\d{1,2})" +
    "(?::(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?|[时点](?: ?(\\d{1,2})(?:分(?: ?(\\d{1,2})秒)?)?)?)" +
    " ?(AM|PM)? ?(Z|[+-]\\d{2}(?::?\\d{2})?)?$",
  "i",
);

/** Day shift (-1, 0, +1) the time moves the date by when it carries a zone, or null if it is no time. */
function readTime(rest: string): number | null {
  const m = TIME.exec(rest);
  if (!m) return null;
  let hour = Number(m[2]);
  const minute = Number(m[3] ?? m[5] ?? 0);
  const second = Number(m[4] ?? m[6] ?? 0);
  const period = (m[1] ?? m[7] ?? "").toUpperCase();
  if (minute > 59 || second > 60) return null;
  if (period) {
    if (hour > 12) return null;
    const afternoon = period === "PM" || period === "下午" || period === "晚上" || (period === "中午" && hour < 11);
    if (afternoon && hour < 12) hour += 12;
    if ((period === "AM" || period === "凌晨" || period === "上午" || period === "早上") && hour === 12) hour = 0;
  }
  if (hour > 23) return null;
  const zone = m[8];
  if (!zone) return 0;
  // Convert to China time (UTC+8) before dropping the time, so 2026-10-07T16:30Z is 2026-10-08.
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    offsetMinutes = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * (zone[0] === "-" ? -1 : 1);
  }
  const chinaMinutes = hour * 60 + minute - offsetMinutes + 8 * 60;
  return Math.floor(chinaMinutes / 1440);
}

function checkedDate(year: number, month: number, day: number, shift = 0): Parsed<IsoDate> {
  const iso = isoOf(year, month, day);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { value: null, problem: `日期无效：${iso}` };
  }
  return inRange(shift === 0 ? iso : addDays(iso, shift));
}

function inRange(iso: IsoDate, note = ""): Parsed<IsoDate> {
  const year = Number(iso.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) return { value: null, problem: `日期超出范围：${iso}${note}` };
  return { value: iso };
}

/**
 * A date → "YYYY-MM-DD". Accepts 2026-10-08, 2026-10-8, 2026/10/08, 2026.10.08, 2026年10月8日,
 * 二〇二六年十月八日, 20261008, an Excel serial (1900 system), each optionally followed by a time, which
 * is dropped (a time with a zone is first moved to China time). Two-digit years and day/month orders
 * that cannot be told apart (10/08/2026) are problems, not guesses. Years outside 1949–2100 are problems.
 */
export function parseDate(raw: string): Parsed<IsoDate> {
  const s = normalizeCell(raw);
  if (isEmptyNormalized(s)) return { value: null };
  const excel = excelProblem(s);
  if (excel) return { value: null, problem: excel };
  const unrecognised = (): Parsed<IsoDate> => ({ value: null, problem: `无法识别的日期：${clip(s)}` });

  const compact = DATE_COMPACT.exec(s);
  if (compact) {
    const [, y, mo, d, hh, mi, ss] = compact;
    if (hh !== undefined && (Number(hh) > 23 || Number(mi) > 59 || Number(ss ?? 0) > 59)) return unrecognised();
    return checkedDate(Number(y), Number(mo), Number(d));
  }

  if (SERIAL.test(s)) {
    const serial = Number(s);
    if (serial < 1 || serial >= MAX_EXCEL_SERIAL + 1) return unrecognised();
    const iso = excelSerialToIsoDate(serial);
    if (iso === null) return { value: null, problem: `日期无效：1900-02-29（Excel 序列号 ${clip(s)}）` };
    return inRange(iso, `（Excel 序列号 ${clip(s)}）`);
  }

  let year: number, month: number, day: number, rest: string;
  const separated = DATE_SEPARATED.exec(s) ?? DATE_ZH.exec(s);
  const zh = separated ? null : DATE_ZH_NUMERALS.exec(s);
  if (separated) {
    year = Number(separated[1]);
    month = Number(separated.length === 5 ? separated[3] : separated[2]);
    day = Number(separated.length === 5 ? separated[4] : separated[3]);
    rest = s.slice(separated[0].length);
  } else if (zh) {
    const y = parseChineseNumber(zh[1]!.replace(/O/g, "〇"));
    const mo = parseChineseNumber(zh[2]!);
    const d = parseChineseNumber(zh[3]!);
    if (y === null || mo === null || d === null || zh[1]!.includes("十")) return unrecognised();
    [year, month, day] = [y, mo, d];
    rest = s.slice(zh[0].length);
  } else {
    if (TWO_DIGIT_YEAR.test(s)) return { value: null, problem: `年份只有两位，无法确定：${clip(s)}` };
    if (YEAR_LAST.test(s)) return { value: null, problem: `无法确定年月日顺序：${clip(s)}` };
    return unrecognised();
  }

  let shift = 0;
  rest = rest.trim();
  if (rest !== "") {
    const time = readTime(rest.replace(/^T ?/i, ""));
    if (time === null) return unrecognised();
    shift = time;
  }
  return checkedDate(year, month, day, shift);
}

// ---------------------------------------------------------------------------------------------
// Chinese numerals
// ---------------------------------------------------------------------------------------------

const ZH_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, "○": 0,
  一: 1, 壹: 1,
  二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2,
  三: 3, 叁: 3, 參: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};
const ZH_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const ZH_BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const ARABIC = /^(?:\d+(?:\.\d+)?|\.\d+)/;

/** Drops float noise such as 1.1 × 10000 = 11000.000000000002. */
function tidy(n: number): number {
  const t = Number(n.toPrecision(15));
  return t === 0 ? 0 : t;
}

/**
 * The value of a number written in Chinese numerals, capital (壹贰叁…拾佰仟万亿) or ordinary
 * (一二三…十百千万亿, 两, 零/〇), possibly mixed with Arabic digits ("3万5千", "1.2亿") and with 点 as
 * decimal point ("一点五万"). Digits without any unit are read one by one ("二〇二六" → 2026). A single
 * digit right after a unit of 百 or more is the next lower place, as spoken ("三万五" → 35000,
 * "一千五" → 1500); after 零 it is units ("一千零五" → 1005). Null if the text is not such a number.
 * 元角分 are not handled here (see parseAmountWan).
 */
export function parseChineseNumber(s: string): number | null {
  const t = normalizeCell(s);
  if (t === "") return null;
  const chars = Array.from(t);

  // Digits only: positional reading.
  if (chars.every((c) => ZH_DIGITS[c] !== undefined)) {
    if (chars.length > 1 && chars.some((c) => c === "两" || c === "兩")) return null;
    return Number(chars.map((c) => ZH_DIGITS[c]).join(""));
  }

  let total = 0; // completed 亿 groups
  let wanPart = 0; // completed 万 group inside the current 亿 group
  let section = 0; // below 万
  let number: number | null = null; // pending digit(s) waiting for a unit
  let numberIsSingleDigit = false;
  let lastSmall = Infinity; // small units must fall within a section (千 → 百 → 十)
  let lastBig = Infinity; // big units must fall (亿 → 万)
  let lastUnit = 0;
  let zeroSeen = false;
  let seenAnything = false;

  let i = 0;
  while (i < t.length) {
    const ch = t[i]!;
    const arabic = ARABIC.exec(t.slice(i));
    if (arabic) {
      if (number !== null) return null;
      number = Number(arabic[0]);
      numberIsSingleDigit = /^[1-9]$/.test(arabic[0]);
      i += arabic[0].length;
      seenAnything = true;
      continue;
    }
    const digit = ZH_DIGITS[ch];
    if (digit !== undefined) {
      if (number !== null) return null;
      if (digit === 0) zeroSeen = true;
      else {
        number = digit;
        numberIsSingleDigit = true;
      }
      seenAnything = true;
      i++;
      continue;
    }
    if (ch === "点" || ch === "點") {
      if (number === null || !Number.isInteger(number)) return null;
      let frac = "";
      i++;
      while (i < t.length && (ZH_DIGITS[t[i]!] !== undefined || /\d/.test(t[i]!))) {
        const c = t[i]!;
        if (c === "两" || c === "兩") return null;
        frac += /\d/.test(c) ? c : String(ZH_DIGITS[c]);
        i++;
      }
      if (frac === "") return null;
      number = Number(`${number}.${frac}`);
      numberIsSingleDigit = false;
      continue;
    }
    const small = ZH_SMALL_UNITS[ch];
    if (small !== undefined) {
      if (small >= lastSmall) return null;
      let n = number;
      if (n === null) {
        // 十五, 百万: an implicit 一 at the start of a section only.
        if (section !== 0 || zeroSeen) return null;
        n = 1;
      }
      section += n * small;
      lastSmall = small;
      lastUnit = small;
      number = null;
      zeroSeen = false;
      seenAnything = true;
      i++;
      continue;
    }
    const big = ZH_BIG_UNITS[ch];
    if (big !== undefined) {
      if (big >= lastBig && big === 1e4) return null;
      const group = section + (number ?? 0);
      if (big === 1e8) {
        if (group + wanPart === 0 && total === 0 && !zeroSeen && number === null) return null;
        total = (total + wanPart + group) * 1e8;
        wanPart = 0;
      } else {
        if (group === 0 && number === null) return null;
        wanPart = group * 1e4;
      }
      section = 0;
      number = null;
      lastSmall = Infinity;
      lastBig = big;
      lastUnit = big;
      zeroSeen = false;
      seenAnything = true;
      i++;
      continue;
    }
    return null;
  }
  if (!seenAnything) return null;
  let tail = number ?? 0;
  if (number !== null && numberIsSingleDigit && !zeroSeen && lastUnit >= 100) tail = number * (lastUnit / 10);
  return tidy(total + wanPart + section + tail);
}

// ---------------------------------------------------------------------------------------------
// Amounts
// ---------------------------------------------------------------------------------------------

// Words that may precede the amount itself: currency, and how a fine or confiscation is worded.
const AMOUNT_PREFIXES = [
  "人民币", "RMB", "CNY", "¥",
  "没收违法所得", "没收非法财物", "违法所得", "没收", "并处罚款", "处以罚款", "处罚款", "罚款", "罚金",
  "处以", "并处", "处", "金额为", "金额", "合计", "共计", "共", "计", "为", ":",
];
const CURRENCY_PREFIXES = new Set(["人民币", "RMB", "CNY", "¥"]);
const SIGNS = ["-", "\u2212", "负", "+"];
const PREFIXES_AND_SIGNS: readonly string[] = [...AMOUNT_PREFIXES, ...SIGNS];
const AMOUNT_SUFFIXES = ["(人民币)", "人民币", "RMB", "CNY", "整", "正", "。"];
// Thousand separators, only when correctly grouped: 2,000 / 1,234,567.89 (not 1,5).
const GROUPED = /(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])/g;
const PLAIN_NUMBER = /^(?:\d+(?:\.\d+)?|\.\d+)(?:E[+-]?\d+)?$/i;
const HAS_MAGNITUDE = /[十拾百佰千仟万萬亿億]/;

function roundWan(n: number): number {
  const r = Number(n.toFixed(6));
  return r === 0 ? 0 : r;
}

/** 0–9 for a single 角/分 digit (Arabic or Chinese, "零伍" allowed), else null. */
function coinDigit(s: string): number | null {
  const n = parseChineseNumber(s);
  return n !== null && Number.isInteger(n) && n >= 0 && n <= 9 ? n : null;
}

/** Yuan in "…元…角…分" (元 written 圆 on capital amounts), or undefined if the text has no 元/角/分. */
function yuanWithCoins(t: string): number | null | undefined {
  const m = /^(?:(.*?)[元圆])?(?:(.+?)角)?(?:(.+?)分)?$/.exec(t);
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return undefined;
  let yuan = 0;
  if (m[1] !== undefined) {
    if (m[1] === "") return null;
    const n = parseChineseNumber(m[1]);
    if (n === null) return null;
    yuan = n;
  }
  for (const [part, scale] of [[m[2], 0.1], [m[3], 0.01]] as const) {
    if (part === undefined) continue;
    const d = coinDigit(part);
    if (d === null) return null;
    yuan += d * scale;
  }
  return yuan;
}

/**
 * An amount in 万元 (the unit of 罚款金额 and 没收金额 columns). A plain number is 万元 as written
 * ("2,000" → 2000). Written with a unit it is converted: "2000元", "¥2000", "人民币2000元", "罚款2000元"
 * → 0.2; "0.5万元", "0.5万" → 0.5; "1.2亿元" → 12000; "贰仟元整" → 0.2; "3万5千元" → 3.5; "2000元5角" →
 * 0.20005. A number with a Chinese magnitude but no 元 ("5千", "0.5万") counts yuan. Rounded to 6
 * decimals (1 分). Negative amounts, text around the amount other than the usual wording, and several
 * amounts in one cell are problems.
 */
export function parseAmountWan(raw: string): Parsed<number> {
  const s = normalizeCell(raw);
  if (isEmptyNormalized(s)) return { value: null };
  const excel = excelProblem(s);
  if (excel) return { value: null, problem: excel };
  const unrecognised = (): Parsed<number> => ({ value: null, problem: `无法识别的金额：${clip(s)}` });

  // Spaces go, except between two digits ("2 000" is not guessed to be 2000).
  let t = s.replace(/(?<!\d) | (?!\d)/g, "").replace(GROUPED, (g) => g.replace(/,/g, ""));
  let currency = false;
  let negative = false;
  // A plain number, the common case, has no wording around it to strip.
  if (!PLAIN_NUMBER.test(t)) {
    for (let changed = true; changed; ) {
      changed = false;
      const upper = t.toUpperCase();
      for (const p of PREFIXES_AND_SIGNS) {
        if (!changed && upper.startsWith(p)) {
          if (CURRENCY_PREFIXES.has(p)) currency = true;
          if (p === "-" || p === "\u2212" || p === "负") negative = true;
          t = t.slice(p.length);
          changed = true;
        }
      }
    }
    for (let changed = true; changed; ) {
      changed = false;
      const upper = t.toUpperCase();
      for (const p of AMOUNT_SUFFIXES) {
        if (!changed && t.length > p.length && upper.endsWith(p)) {
          if (CURRENCY_PREFIXES.has(p) || p === "(人民币)") currency = true;
          t = t.slice(0, -p.length);
          changed = true;
        }
      }
    }
  }
  if (t === "") return unrecognised();

  let wan: number;
  if (PLAIN_NUMBER.test(t)) {
    const n = Number(t);
    wan = currency ? n / 1e4 : n; // "¥2000" is yuan; a bare number is already in 万元
  } else {
    let yuan = yuanWithCoins(t);
    if (yuan === undefined) {
      // No 元: a Chinese magnitude makes it a count of yuan ("0.5万", "5千"); bare Chinese digits are unclear.
      if (!HAS_MAGNITUDE.test(t) && !currency) {
        const bareDigits = Array.from(t).every((c) => ZH_DIGITS[c] !== undefined);
        return bareDigits ? { value: null, problem: `金额缺少单位：${clip(s)}` } : unrecognised();
      }
      yuan = parseChineseNumber(t);
    }
    if (yuan === null) return unrecognised();
    wan = yuan / 1e4;
  }
  // No fine, confiscation or loan reaches a trillion yuan (1e8 万元): such a figure is a unit or typing error.
  if (!Number.isFinite(wan) || Math.abs(wan) >= 1e8) return { value: null, problem: `金额过大：${clip(s)}` };
  if (negative && wan > 0) return { value: null, problem: `金额不能为负数：${clip(s)}` };
  return { value: roundWan(wan) };
}
