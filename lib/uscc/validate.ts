import { orgCodeCheckChar, usccCharValue, usccCheckChar } from "./checksum";
import { normalizeUscc, type NormalizationChange } from "./normalize";
import { divisionProblem, USCC_AUTHORITIES } from "./tables";

export type UsccFailure = "length" | "charset" | "authority" | "bodyKind" | "division" | "orgCheck" | "finalCheck";

export const USCC_FAILURE_LABELS: Readonly<Record<UsccFailure, string>> = {
  length: "长度错误",
  charset: "含非法字符",
  authority: "登记管理部门代码错误",
  bodyKind: "机构类别代码错误",
  division: "行政区划码错误",
  orgCheck: "组织机构代码校验码错误",
  finalCheck: "校验码错误",
};

export interface UsccIssue {
  reason: UsccFailure;
  message: string;
}

export interface UsccResult {
  valid: boolean;
  /** The normalised code (what was actually checked). */
  code: string;
  changes: NormalizationChange[];
  /** Empty when valid; otherwise in check order (length → … → finalCheck). */
  reasons: UsccIssue[];
}

export const USCC_LENGTH = 18;
const MAX_LISTED_CHARS = 5;

/** Name of the 登记管理部门 for a (normalised) code or its first character, e.g. "5" → "民政". */
export function describeAuthority(code: string): string | undefined {
  return USCC_AUTHORITIES.get(code.charAt(0))?.name;
}

/** Name of the 机构类别 (position 2) for a normalised code, e.g. "92…" → "个体工商户". */
export function describeBodyKind(code: string): string | undefined {
  return USCC_AUTHORITIES.get(code.charAt(0))?.bodyKinds.get(code.charAt(1));
}

function show(ch: string): string {
  return ch === " " ? "空格" : `“${ch}”`;
}

function charsetMessage(chars: string[], bad: boolean[]): string {
  const listed: string[] = [];
  bad.forEach((isBad, i) => {
    if (isBad) listed.push(`第${i + 1}位${show(chars[i] ?? "")}`);
  });
  const more = listed.length > MAX_LISTED_CHARS ? "等" : "";
  return `含非法字符：${listed.slice(0, MAX_LISTED_CHARS).join("、")}${more}（只能使用数字和除I、O、S、V、Z以外的大写字母）`;
}

/**
 * Validate a 统一社会信用代码 per GB 32100-2015. Every applicable failure is reported;
 * positional checks need the right length, and checksums need a clean charset.
 */
export function validateUscc(raw: string): UsccResult {
  const { code, changes } = normalizeUscc(raw);
  const chars = Array.from(code); // code points, so stray emoji count as one position
  const reasons: UsccIssue[] = [];
  const fail = (reason: UsccFailure, message: string) => reasons.push({ reason, message });

  if (chars.length !== USCC_LENGTH) fail("length", `长度应为${USCC_LENGTH}位，实为${chars.length}位`);
  const bad = chars.map((ch) => usccCharValue(ch) < 0);
  const charsetOk = !bad.includes(true);
  if (!charsetOk) fail("charset", charsetMessage(chars, bad));
  if (chars.length !== USCC_LENGTH) return { valid: false, code, changes, reasons };

  // Skip a positional check when its chars were already reported as illegal.
  const a = chars[0] ?? "";
  const authority = USCC_AUTHORITIES.get(a);
  if (!bad[0] && !authority) {
    fail("authority", `第1位登记管理部门代码${show(a)}无效（应为1–9、A、N、Y之一）`);
  }
  const kind = chars[1] ?? "";
  if (authority && !bad[1] && !authority.bodyKinds.has(kind)) {
    const allowed = [...authority.bodyKinds.keys()].join("、");
    fail("bodyKind", `第2位机构类别代码${show(kind)}不适用于登记管理部门“${authority.name}”（应为${allowed}之一）`);
  }
  const division = chars.slice(2, 8).join("");
  if (!bad.slice(2, 8).includes(true)) {
    const problem = divisionProblem(division);
    if (problem === "notDigits") fail("division", `第3–8位行政区划码“${division}”应为6位数字`);
    if (problem === "province") {
      fail("division", `第3–8位行政区划码“${division}”无效：不存在省级代码“${division.slice(0, 2)}”`);
    }
  }
  if (!charsetOk) return { valid: false, code, changes, reasons };

  // GB 32100 §4.4: positions 9–17 are a GB 11714 organisation code with its own check char.
  const orgExpected = orgCodeCheckChar(code.slice(8, 16));
  if (code.charAt(16) !== orgExpected) fail("orgCheck", `第17位组织机构代码校验码错误，应为${orgExpected}`);
  const finalExpected = usccCheckChar(code.slice(0, 17));
  if (code.charAt(17) !== finalExpected) fail("finalCheck", `第18位校验码错误，应为${finalExpected}`);

  return { valid: reasons.length === 0, code, changes, reasons };
}
