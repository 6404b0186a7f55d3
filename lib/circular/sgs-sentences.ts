import type { CircularFacts, SgsRow } from "./facts";
import { someOf } from "./naming";

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);
const pct = (value: number | null) => (value === null ? "无数据" : `${value.toFixed(1)}%`);
const total = (rows: SgsRow[]) => rows.reduce((t, r) => ({ reported: t.reported + r.reported, compliant: t.compliant + r.compliant, late: t.late + r.late }), { reported: 0, compliant: 0, late: 0 });

/** Units whose 迟报率 is above half: provincial circulars name them. */
export const LATE_SHARE_NAMED = 50;
const LATE_NAMED = 2;
const KINDS = [["license", "行政许可"], ["penalty", "行政处罚"]] as const;

/** Districts and departments late on more than half of what they reported, with the rate, for one kind. */
function lateUnits(f: CircularFacts, kind: "license" | "penalty") {
  return [...f.sgs.byDistrict[kind], ...f.sgs.byDepartment[kind]]
    .filter((r) => r.reported > 0 && rate(r.late, r.reported)! > LATE_SHARE_NAMED)
    .map((r) => ({ name: r.name, late: rate(r.late, r.reported)! }));
}

/**
 * 双公示 in one paragraph, as provincial circulars report it: 许可 and 处罚 apart — reported, 合规率, 迟报率 — then
 * the units late on more than half, the latest named and the rest counted. Per-unit figures are in the 附件.
 */
export function sgsParagraph(f: CircularFacts, attachmentNumber: number): string {
  const figures = KINDS.map(([kind, label]) => {
    const all = total(f.sgs.byDistrict[kind]);
    return all.reported === 0
      ? `没有决定日期在本月的${label}记录`
      : `${label}${all.reported}条，合规率${pct(rate(all.compliant, all.reported))}、迟报率${pct(rate(all.late, all.reported))}`;
  });
  // Named latest first, without their rates: the 附件 has every unit's figures.
  const late = [...new Set(KINDS.flatMap(([kind]) => lateUnits(f, kind)).sort((a, b) => b.late - a.late).map((u) => u.name))];
  const named = late.length > 0
    ? `${someOf(late, LATE_NAMED, "个单位")}迟报率超过${LATE_SHARE_NAMED}%`
    : `各区县、各部门迟报率均未超过${LATE_SHARE_NAMED}%`;
  return `全市上报${figures.join("；")}。${named}，分单位情况见附件${attachmentNumber}。`;
}

/** Whether any unit is late on more than half: next month's requirements then ask for it to be put right. */
export const hasLateUnits = (f: CircularFacts) => KINDS.some(([kind]) => lateUnits(f, kind).length > 0);
