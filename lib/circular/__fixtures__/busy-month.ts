import { addMonths, type IsoMonth } from "@/lib/dates";
import type { CircularFacts } from "../facts";

/**
 * What the demo city lacks for the longest circular: a work plan with tasks overdue and off track, 督办 items overdue,
 * and units late on more than half of their 双公示 — added to a month's facts so the body is measured at its worst.
 * Deadlines are set some months before (overdue) or after (off track) the month, so any month reads true.
 */
const end = (month: IsoMonth, n: number) => `${addMonths(month, n)}-${n < 0 ? "20" : "28"}`;

function tasks(month: IsoMonth): CircularFacts["tasks"] {
  const task = (number: string, title: string, owners: string[], months: number): CircularFacts["tasks"][number] =>
    ({ number, title, owners, status: months < 0 ? "overdue" : "off_track", deadline: end(month, months) });
  return [
    task("3", "开展政府机构失信问题专项治理", ["市中院", "市国资委", "市司法局"], -4),
    task("5", "完成统一社会信用代码重错码清理", ["市市场监管局", "市委编办"], -2),
    task("8", "完善信用修复协同机制，压缩修复办理时限", ["市发改委"], -1),
    task("11", "建立重点行业信用分级分类监管制度", ["市住建局", "市交通运输局"], -1),
    task("12", "推进“信易贷”平台扩面增效", ["市金融服务中心"], -1),
    task("14", "推进公共信用综合评价结果应用", ["市发改委", "各区县人民政府"], 2),
    task("16", "双公示信息上报率、合规率达到100%", ["市审批局", "市市场监管局"], 2),
    task("19", "A级纳税人占比达到15%以上", ["市税务局"], 2),
    task("22", "开展诚信缺失突出问题专项治理", ["市文明办", "市发改委"], 3),
  ];
}

function overdueItems(month: IsoMonth): CircularFacts["supervision"]["overdue"] {
  return [
    { label: "西山区A级纳税人占比", departments: ["市税务局"], deadline: end(month, -2) },
    { label: "云岭县严重失信主体名单企业占比", departments: ["市中院", "市税务局"], deadline: end(month, -2) },
    { label: "北塘区信易贷获贷企业占比", departments: ["市金融服务中心"], deadline: end(month, -1) },
    { label: "清河县统一社会信用代码重错码率", departments: ["市市场监管局"], deadline: end(month, -1) },
    { label: "示范经开区政府机构失信被执行人未结案件", departments: ["市中院"], deadline: end(month, 0) },
  ];
}

export function busyMonth(f: CircularFacts): CircularFacts {
  const late = (rows: CircularFacts["sgs"]["byDepartment"]["license"], names: string[]) =>
    rows.map((r) => (names.includes(r.name) ? { ...r, late: Math.ceil(r.reported * 0.6) } : r));
  return {
    ...f,
    tasks: tasks(f.month),
    supervision: { openedThisMonth: 6, open: 11, closed: 17, overdue: overdueItems(f.month), verdicts: { effective: 11, partial: 4, none: 2 } },
    sgs: {
      byDistrict: f.sgs.byDistrict,
      byDepartment: {
        license: late(f.sgs.byDepartment.license, ["市水利局", "市司法局", "市商务局", "市应急局"]),
        penalty: late(f.sgs.byDepartment.penalty, ["市教育局"]),
      },
    },
  };
}
