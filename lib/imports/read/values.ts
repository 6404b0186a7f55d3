/** Turning Excel cell values into the text a user saw, without exceljs's streaming-reader gaps. */

export type DateKind = "date" | "time";
/** How a number cell's format shows it: a date, a time of day, or a percentage (0.985 shown as 98.5%). */
export type FormatKind = DateKind | "percent";

// Built-in number formats that are dates or times (ECMA-376 §18.8.30 plus the zh-CN ids 27–36 and 50–58,
// which exceljs has no format text for, so it hands such cells over as plain serial numbers).
const BUILTIN_KIND = new Map<number, FormatKind>();
for (const id of [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]) BUILTIN_KIND.set(id, "date");
for (const id of [18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56]) BUILTIN_KIND.set(id, "time");
for (const id of [9, 10]) BUILTIN_KIND.set(id, "percent");

export const builtinFormatKind = (numFmtId: number): FormatKind | undefined => BUILTIN_KIND.get(numFmtId);

/**
 * Whether a number format code shows a date or a time of day (e.g. `yyyy"年"m"月"d"日"`, `[$-F800]dddd`, `h:mm`), or a
 * percentage (`0.0%`): the cell holds 0.985 where the user sees and means 98.5%.
 */
export function formatKind(code: string): FormatKind | undefined {
  let f = code.split(";")[0] ?? "";
  f = f.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/[_*]./g, ""); // literals and padding
  if (/\[(h+|m+|s+)\]/i.test(f)) return "time"; // elapsed time
  f = f.replace(/\[[^\]]*\]/g, "").replace(/General/gi, "").replace(/[eE][+-]/g, "");
  if (/AM\/PM|A\/P|上午\/下午/i.test(f)) return "time";
  const time = /[hs]/i.test(f);
  if (/[ydgeb]/i.test(f) || (!time && /m/i.test(f))) return "date";
  if (time) return "time";
  return f.includes("%") ? "percent" : undefined;
}

const DAY_SECONDS = 86_400;
const DAY_MS = DAY_SECONDS * 1000;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const hms = (s: number) => `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
const ymd = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

const MAX_SERIAL = 2_958_465; // 9999-12-31, Excel's last date

/**
 * An Excel date serial as `YYYY-MM-DD`, `YYYY-MM-DD HH:mm:ss` when it has a time of day, or `HH:mm:ss` for a bare
 * time. 1900 system: serial 1 is 1900-01-01 and 60 is Excel's phantom 1900-02-29 (Lotus bug), shown as Excel shows it.
 */
export function serialToText(serial: number, kind: DateKind, date1904: boolean): string {
  if (!Number.isFinite(serial) || serial < 0 || serial > MAX_SERIAL) return numberText(serial);
  const total = Math.round(serial * DAY_SECONDS);
  const days = Math.floor(total / DAY_SECONDS);
  const seconds = total - days * DAY_SECONDS;
  if (kind === "time" && serial < 1) return hms(total % DAY_SECONDS);
  let day: string;
  if (date1904) day = ymd(Date.UTC(1904, 0, 1) + days * DAY_MS);
  else if (days === 0) day = "1900-01-00";
  else if (days === 60) day = "1900-02-29";
  else day = ymd(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * DAY_MS);
  return seconds === 0 ? day : `${day} ${hms(seconds)}`;
}

/** exceljs builds Dates in UTC from the serial; read them back in UTC so the server's time zone cannot shift them. */
export function dateToText(date: Date): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return "";
  const rounded = Math.round(ms / 1000) * 1000;
  const seconds = Math.round((rounded - Math.floor(rounded / DAY_MS) * DAY_MS) / 1000);
  return seconds === 0 ? ymd(rounded) : `${ymd(rounded)} ${hms(seconds)}`;
}

/**
 * Integers keep every digit (an ID or code stored as a number must not turn into 1.2E+17); other numbers are cut to
 * the 15 significant digits Excel shows, which also drops binary noise such as 0.30000000000000004.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return "";
  if (n === 0) return "0";
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

// Excel stores control characters (and literal "_x" sequences) in strings as _xHHHH_.
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
export const unescapeText = (s: string) =>
  s.includes("_x") ? s.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;

type RichRun = { text?: string | null };

export const isFormula = (value: unknown): boolean =>
  typeof value === "object" && value !== null && ("formula" in value || "sharedFormula" in value);

/** Text of an exceljs cell value; `kind` comes from the cell's number format. Errors (#N/A…) and blanks are "". */
export function cellText(value: unknown, kind: FormatKind | undefined, date1904: boolean): string {
  switch (typeof value) {
    case "string":
      return unescapeText(value);
    case "number":
      if (kind === "percent") return Number.isFinite(value) ? `${numberText(value * 100)}%` : "";
      return kind ? serialToText(value, kind, date1904) : numberText(value);
    case "boolean":
      return value ? "是" : "否";
    case "object": {
      if (value === null) return "";
      if (value instanceof Date) return dateToText(value);
      const v = value as Record<string, unknown>;
      if (Array.isArray(v.richText)) {
        return unescapeText((v.richText as RichRun[]).map((run) => run.text ?? "").join(""));
      }
      if (isFormula(v)) return v.result === undefined ? "" : cellText(v.result, kind, date1904);
      if ("error" in v) return "";
      if ("text" in v) return cellText(v.text, kind, date1904); // hyperlink
      return "";
    }
    default:
      return "";
  }
}
