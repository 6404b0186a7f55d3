import type { CircularFacts } from "./facts";
import { shortDate, someOf } from "./naming";

/** 督办 items and work-plan tasks named in the body, the longest overdue first; the rest are counted. */
export const FOLLOW_UPS_NAMED = 1;

type Task = CircularFacts["tasks"][number];
const byDeadline = <T extends { deadline: string | null }>(rows: T[]) =>
  [...rows].sort((a, b) => (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999"));
const year = (f: CircularFacts) => f.month.slice(0, 4);

/** 督办整改: how many opened, closed and open, what the data says of the closed, and the longest overdue by name. */
export function supervisionParagraph(f: CircularFacts): string {
  const s = f.supervision;
  if (s.open + s.closed === 0) return "目前尚无督办事项。";
  // The data's verdict on closed items, the worst that applies: 未见成效 calls for reopening, 部分有效 for follow-up.
  const v = s.verdicts;
  const verdict = v.none > 0 ? `，其中${v.none}件经核验未见成效` : v.partial > 0 ? `，其中${v.partial}件经核验仅部分有效`
    : v.effective > 0 && v.effective === s.closed ? "，经核验均整改有效" : "";
  const closed = `已办结${s.closed}件${verdict}`;
  const open = s.open === 0 ? "无未办结事项" : `未办结${s.open}件${s.overdue.length > 0 ? `（逾期${s.overdue.length}件）` : "，均在办理期限内"}`;
  const counts = `督办事项共${s.open + s.closed}件${s.openedThisMonth > 0 ? `（本月新开${s.openedThisMonth}件）` : ""}，${closed}；${open}`;
  if (s.overdue.length === 0) return `${counts}。`;
  const named = byDeadline(s.overdue).slice(0, FOLLOW_UPS_NAMED).map((o) => `${o.label}${o.departments.length > 0 ? `（${someOf(o.departments, 1, "个部门")}）` : ""}`);
  return `${counts}，逾期最久的是${named.join("、")}。`;
}

const taskName = (f: CircularFacts, t: Task) =>
  `第${t.number}项“${t.title}”（${t.owners.length > 0 ? `${t.owners[0]}${t.owners.length > 1 ? "等" : ""}` : "责任单位未明确"}${t.deadline ? `，${shortDate(t.deadline, year(f))}到期` : ""}）`;

/** The work-plan tasks overdue or off track: counts, and the longest overdue (or else the off-track) by name. */
export function taskParagraph(f: CircularFacts, attachmentNumber: number | null): string {
  if (f.tasks.length === 0) return "工作要点各项任务均按计划推进，无逾期或预计无法按期达标的任务。";
  const overdue = byDeadline(f.tasks.filter((t) => t.status === "overdue"));
  const behind = byDeadline(f.tasks.filter((t) => t.status === "off_track"));
  const counts = [overdue.length > 0 && `逾期${overdue.length}项`, behind.length > 0 && `进度滞后${behind.length}项`].filter(Boolean);
  const worst = (overdue.length > 0 ? overdue : behind).slice(0, FOLLOW_UPS_NAMED).map((t) => taskName(f, t));
  const lead = worst.length === f.tasks.length ? (worst.length === 1 ? "即" : "分别是") : overdue.length > 0 ? "逾期最久的是" : "最先到期的是";
  const listed = attachmentNumber === null ? "" : `（见附件${attachmentNumber}）`;
  return `工作要点任务${counts.join("、")}${listed}，${lead}${worst.join("和")}。`;
}
