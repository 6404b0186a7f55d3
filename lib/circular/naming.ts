import type { CircularWarning } from "./facts";

/** 甲、乙 — or, for more than `shown`, 甲、乙等5个区县: circulars name a few and count the rest (the 附件 lists all). */
export function someOf(names: string[], shown: number, counter: string): string {
  return names.length <= shown ? names.join("、") : `${names.slice(0, shown).join("、")}等${names.length}${counter}`;
}

const numeric = (text: string) => Number.parseFloat(text.replace(/[^\d.-]/g, ""));

/** Warnings furthest from the target first: the target's ≥ or ≤ says which way is worse. */
export function worstFirst(rows: CircularWarning[]): CircularWarning[] {
  const badness = (w: CircularWarning) => (w.targetText.startsWith("≤") ? 1 : -1) * numeric(w.valueText);
  return [...rows].sort((a, b) => (badness(b) || 0) - (badness(a) || 0));
}

/** 2026-09-30 → 9月30日; the year is written only when it is not the circular's. */
export function shortDate(date: string, year: string): string {
  const md = `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
  return date.slice(0, 4) === year ? md : `${Number(date.slice(0, 4))}年${md}`;
}
