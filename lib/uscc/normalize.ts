/** What normalizeUscc changed, so the UI can tell the user (e.g. "已自动转换全角字符"). */
export type NormalizationChange = "invisible" | "trimmed" | "fullwidth" | "uppercased";

export const NORMALIZATION_CHANGE_LABELS: Readonly<Record<NormalizationChange, string>> = {
  invisible: "已去除不可见字符",
  trimmed: "已去除首尾空白",
  fullwidth: "已自动转换全角字符",
  uppercased: "已自动转换为大写字母",
};

export interface NormalizedUscc {
  code: string;
  changes: NormalizationChange[];
}

// Zero-width chars and BOM come along with copy/paste from web pages and Office
// documents; they are invisible, so they are removed anywhere, not just at the ends.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// Full-width ASCII block (Ａ, ０, …) and the ideographic space typed by Chinese IMEs.
const FULLWIDTH = /[\uFF01-\uFF5E\u3000]/g;
// ASCII only: String#toUpperCase on other scripts can change the length (ß → SS).
const LOWER = /[a-z]/g;

function toHalfWidth(ch: string): string {
  const c = ch.charCodeAt(0);
  return c === 0x3000 ? " " : String.fromCharCode(c - 0xfee0);
}

/**
 * Normalise user input before validation. GB 32100 codes use upper-case letters
 * only; lower case is accepted here and reported as a change (project policy).
 */
export function normalizeUscc(raw: string): NormalizedUscc {
  const changes: NormalizationChange[] = [];
  let s = raw.replace(INVISIBLE, "");
  if (s !== raw) changes.push("invisible");

  const trimmed = s.trim(); // also covers U+3000 and NBSP
  if (trimmed !== s) changes.push("trimmed");
  s = trimmed;

  const half = s.replace(FULLWIDTH, toHalfWidth);
  if (half !== s) changes.push("fullwidth");
  s = half;

  const upper = s.replace(LOWER, (ch) => ch.toUpperCase());
  if (upper !== s) changes.push("uppercased");

  return { code: upper, changes };
}
