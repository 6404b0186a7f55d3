/**
 * Allocation-free value checks for the rule hot path (about 2,000,000 records per demo city).
 */

/**
 * True for null, undefined, "" and strings of only whitespace. Besides what String#trim strips,
 * control characters and zero-width characters count as blank: they arrive in fields pasted from
 * Office documents and web pages and show nothing when the record is published.
 */
export function isBlank(value: string | null | undefined): boolean {
  if (value == null) return true;
  for (let i = 0; i < value.length; i++) {
    if (!isBlankChar(value.charCodeAt(i))) return false;
  }
  return true;
}

function isBlankChar(c: number): boolean {
  if (c > 0x20 && c < 0x7f) return false;
  return (
    c <= 0x20 ||
    (c >= 0x7f && c <= 0xa0) || // DEL, C1 controls, NBSP
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200d) || // en/em spaces … zero-width joiner
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 ||
    c === 0x3000 || // ideographic space typed by Chinese IMEs
    c === 0xfeff
  );
}

const ZERO = 48;
const DASH = 45;

/** Value of `length` ASCII digits at `start`, or -1 if any is not a digit. */
function digits(s: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Same answer as isIsoDate from @/lib/dates (a real calendar date written YYYY-MM-DD), without its
 * regex and Date round trip. Years below 100 are rejected as isIsoDate does (Date.UTC maps them to
 * 19xx). Valid dates in this form compare correctly as plain strings.
 */
export function isCalendarDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== DASH || s.charCodeAt(7) !== DASH) return false;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}
