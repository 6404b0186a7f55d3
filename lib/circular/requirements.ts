import type { CircularFacts } from "./facts";
import { someOf } from "./naming";
import type { ProblemIndicator } from "./problem-sentences";

interface Problems { serious: ProblemIndicator[]; minor: ProblemIndicator[]; warningsAttachment: number; lateSgs: boolean }

const tasks = (list: CircularFacts["tasks"]) => someOf(list.map((t) => `第${t.number}项`), 2, "项");

/**
 * 下月工作要求 as offices write them: a few items, each opening with what is to be done (抓好预警整改。…), each
 * following from this month's problems and saying who acts on what by when. Items differ in wording by design.
 */
export function requirements(f: CircularFacts, due: string, p: Problems): string[] {
  const out: string[] = [];
  const [worst] = p.serious;
  if (worst) {
    const which = p.serious.length > 1 ? `${worst.indicator}等${p.serious.length}项触及红线的指标` : `触及红线的${worst.indicator}`;
    out.push(`抓好预警整改。${which}，牵头单位要督促有关${worst.red.length > 0 ? "区县" : "单位"}对照附件${p.warningsAttachment}逐条整改，${due}前报送整改情况。`);
  } else if (p.minor.length > 0) {
    out.push(`对照目标提升。未达目标的${p.minor.length}项指标，牵头单位要督促有关区县对照附件${p.warningsAttachment}查找差距，力争下月达到目标值。`);
  } else {
    out.push("巩固监测成果。各单位要保持工作力度，巩固各项指标成果，确保不出现预警。");
  }
  const late = f.tasks.filter((t) => t.status === "overdue");
  const behind = f.tasks.filter((t) => t.status === "off_track");
  const items = f.supervision.overdue.length;
  const overdue = [items > 0 && `${items}件督办事项`, late.length > 0 && `${late.length}项任务`].filter(Boolean);
  if (overdue.length > 0) {
    out.push(`加快推进落实。逾期的${overdue.join("和")}须于${due}前办结或报送进展${behind.length > 0 ? "，滞后任务要倒排工期" : ""}。`);
  } else if (behind.length > 0) {
    out.push(`倒排任务工期。进度滞后的${tasks(behind)}任务，责任单位要倒排工期，确保按期完成。`);
  }
  out.push(p.lateSgs
    ? "规范数据报送。迟报率超过50%的单位要限期整改，各单位要按时、规范报送双公示信息。"
    : "规范数据报送。各区县、各部门要按时、规范报送双公示等信用信息，下月将继续通报。");
  return out;
}
