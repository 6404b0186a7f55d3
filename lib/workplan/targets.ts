import { indicatorFor } from "./indicators";
import type { Target, TargetOp, TargetUnit } from "./types";

// Comparators that may reach over a reference ("高于我区存续企业数量的30%"); the short ones must touch the number.
const REACHING: [string, TargetOp][] = [
  ["不低于", ">="], ["不少于", ">="], ["不小于", ">="], ["不高于", "<="], ["不超过", "<="], ["不大于", "<="],
  ["不多于", "<="], ["达到", ">="], ["超过", ">"], ["高于", ">"], ["大于", ">"], ["多于", ">"], ["低于", "<"],
  ["小于", "<"], ["少于", "<"], ["降至", "<="], ["降到", "<="], ["降低到", "<="], ["降低至", "<="],
  ["控制在", "<="], ["提高到", ">="], ["提高至", ">="], ["提升到", ">="], ["提升至", ">="],
];
const TOUCHING: [string, TargetOp][] = [
  ["≥", ">="], [">=", ">="], ["≤", "<="], ["<=", "<="], [">", ">"], ["<", "<"], ["=", "="],
  ["至少", ">="], ["达", ">="], ["超", ">"], ["为", "="],
];
const OPS = new Map([...REACHING, ...TOUCHING]);
const alternation = (list: [string, TargetOp][]) =>
  list.map(([w]) => w).sort((a, b) => b.length - a.length).map((w) => w.replace(/[<>=]/g, "\\$&")).join("|");
const COMPARATOR = new RegExp(`(?:(${alternation(REACHING)})(?:[^,;。:\\d]{0,25}?的)?|(${alternation(TOUCHING)}))$`);
const SUFFIX_OPS: Record<string, TargetOp> = { 及以上: ">=", 以上: ">=", 及以下: "<=", 以下: "<=", 以内: "<=" };

const CN_DIGITS = "零一二三四五六七八九";
/** 一, 十五, 零点五 — enough for 万分之/百分之 figures. */
export function chineseNumber(s: string): number | null {
  if (/^[\d.]+$/.test(s)) return Number(s);
  const [int = "", frac] = s.split("点");
  let value = 0;
  if (int === "十") value = 10;
  else if (/^十./.test(int)) value = 10 + CN_DIGITS.indexOf(int[1]!);
  else if (/^.十.?$/.test(int)) value = CN_DIGITS.indexOf(int[0]!) * 10 + (int[2] ? CN_DIGITS.indexOf(int[2]) : 0);
  else if (/^.$/.test(int)) value = CN_DIGITS.indexOf(int);
  else return null;
  if (frac) value += Number(`0.${[...frac].map((c) => CN_DIGITS.indexOf(c)).join("")}`);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

const NUMBER = /万分之([\d.]+|[零一二三四五六七八九十点]+)|百分之([\d.]+|[零一二三四五六七八九十点]+)|(\d+(?:\.\d+)?)/g;
const UNIT_AFTER = /^(?:(%|‱|亿元|万元|家|件|次)|个工作日|工作日|个月|个小时|小时|个百分点|(个)|[条项场人户天位名所])?/;
const NOT_A_FIGURE = /^(?:年|月|日|号|〕|\]|期|批|季度|届|版|级|星)/;
const ZERO = /(?:力争)?(?:为零|为0(?![\d.])|动态清零|清零|零增长)/g;
const FILLER = /^(?:力争|并|且|要|确保|争取|同时|进一步|全部|均|都)+/;

interface Found {
  at: number;
  subject: string;
  op: TargetOp;
  value: number;
  unit: TargetUnit | null;
}

function figuresIn(clause: string): Found[] {
  // Titles 《…》 and document numbers 〔2018〕 hold numbers that are not targets.
  const masked = clause.replace(/《[^》]*》|〔[^〕]*〕/g, (m) => "□".repeat(m.length));
  const found: Found[] = [];
  for (const m of masked.matchAll(NUMBER)) {
    const after = masked.slice(m.index + m[0].length);
    const unitMatch = after.match(UNIT_AFTER)!;
    const rest = after.slice(unitMatch[0].length);
    if (NOT_A_FIGURE.test(rest) || /[第〔]$/.test(masked.slice(0, m.index))) continue;
    const value = m[3] !== undefined ? Number(m[3]) : chineseNumber(m[1] ?? m[2]!);
    if (value === null) continue;
    const unit = (m[1] ? "‱" : m[2] ? "%" : (unitMatch[1] ?? unitMatch[2] ?? null)) as TargetUnit | null;
    const suffix = rest.match(/^(?:及以上|以上|及以下|以下|以内)/)?.[0];
    const before = masked.slice(0, m.index);
    const cmp = before.match(COMPARATOR);
    const word = cmp ? (cmp[1] ?? cmp[2]!) : undefined;
    if (word === "为" && unit === null) continue;
    const op = suffix ? SUFFIX_OPS[suffix] : word ? OPS.get(word) : value === 100 && unit === "%" ? ">=" : undefined;
    if (op === undefined) continue;
    found.push({ at: m.index, subject: clause.slice(0, cmp ? cmp.index : m.index), op, value, unit });
  }
  for (const m of clause.matchAll(ZERO)) found.push({ at: m.index, subject: clause.slice(0, m.index), op: "=", value: 0, unit: null });
  return found.sort((a, b) => a.at - b.at);
}

/** "上报率、合规率、及时率均" → three subjects. */
function subjectsOf(subject: string): string[] {
  const s = subject.replace(/[“”"'‘’]/g, "").replace(/(?:要|应|需|须|必须)+$/, "");
  const shared = s.match(/^(.*、.*?)(?:均|都|全部)$/);
  return shared ? shared[1]!.split("、") : [s];
}

export interface ReadTargets {
  targets: Target[];
  /** Offset of the first target's clause in `text`, for choosing its deadline. */
  firstAt: number | null;
}

/** Numeric targets in order. `text` has its unit brackets removed; `context` is the whole task. */
export function readTargets(text: string, context: string): ReadTargets {
  const targets: Target[] = [];
  let firstAt: number | null = null;
  let offset = 0;
  for (const sentence of text.split(/(?<=[。;!?\n])/)) {
    let lastSubject = "";
    let clauseAt = offset;
    for (const raw of sentence.split(/(?<=[,:])/)) {
      const clause = raw.replace(/[,;。!?:\n]+$/, "");
      for (const f of figuresIn(clause)) {
        firstAt ??= clauseAt;
        for (const subject of subjectsOf(f.subject)) {
          const named = subject.replace(FILLER, "") === "" ? lastSubject : subject;
          lastSubject = named;
          const indicator = indicatorFor(named, context, f.unit, f.value);
          targets.push({ indicator, op: f.op, value: f.value, unit: f.unit, text: clause });
        }
      }
      clauseAt += raw.length;
    }
    offset += sentence.length;
  }
  return { targets, firstAt };
}
