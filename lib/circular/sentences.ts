import { formatMonthZh } from "@/lib/dates";
import type { CircularFacts } from "./facts";
import type { ProblemIndicator } from "./problem-sentences";

const fmt = (n: number) => (Math.round(n * 100) / 100).toString();

/** 较上月上升0.52分 / 下降… / 与上月持平 / (nothing without last month). */
export function changeClause(current: number | null, previous: number | null, unit: string, higherIsUp = true): string {
  if (current === null || previous === null) return "";
  const diff = Math.round((current - previous) * 100) / 100;
  if (diff === 0) return "，与上月持平";
  const up = higherIsUp ? diff > 0 : diff < 0;
  return `，较上月${up ? "上升" : "下降"}${fmt(Math.abs(diff))}${unit}`;
}

export function overallParagraph(f: CircularFacts): string {
  const month = formatMonthZh(f.month);
  const parts: string[] = [];
  parts.push(f.composite.score === null
    ? `${month}，全市监测综合得分暂无数据`
    : `${month}，全市社会信用体系建设监测综合得分${fmt(f.composite.score)}分${changeClause(f.composite.score, f.composite.previous, "分")}`);
  const { rank, previous, total } = f.nationalRank;
  if (rank !== null) {
    // A smaller rank number is better: moving from 12 to 9 is 上升3位.
    const moved = previous === null ? "" : previous === rank ? "，与上月持平" : `，较上月${previous > rank ? "上升" : "下降"}${Math.abs(previous - rank)}位`;
    parts.push(`在全国${total ?? ""}${total ? "个" : ""}城市信用状况监测中排名第${rank}位${moved}`);
  }
  const met = f.indicators.filter((i) => i.met === true).length;
  const missed = f.indicators.filter((i) => i.met === false);
  parts.push(missed.length === 0
    ? `${f.indicators.length}项监测指标全部达到目标值`
    // A few are named here; more are taken up one by one under 存在的主要问题.
    : `${f.indicators.length}项监测指标中${met}项达到目标值，${missed.length}项未达标${missed.length <= 3 ? `（${missed.map((i) => i.name).join("、")}）` : ""}`);
  return `${parts.join("；")}。`;
}

export function districtParagraph(f: CircularFacts): string {
  const scored = f.districts.filter((d) => d.score !== null && d.rank !== null);
  if (scored.length === 0) return "本月各区县暂无综合得分。";
  const bestRank = scored[0]!.rank;
  const worstRank = Math.max(...scored.map((d) => d.rank!));
  const best = scored.filter((d) => d.rank === bestRank);
  const worst = scored.filter((d) => d.rank === worstRank);
  const sentences: string[] = [];
  sentences.push(best.length > 1
    ? `${best.map((d) => d.name).join("、")}并列第一（${fmt(best[0]!.score!)}分）`
    : `综合得分最高的是${best[0]!.name}（${fmt(best[0]!.score!)}分）`);
  if (worstRank !== bestRank) {
    const w = worst[0]!;
    const why = w.weakest.length > 0 ? `，主要失分在${w.weakest.map((x) => `${x.indicator}（${x.valueText}）`).join("、")}` : "";
    sentences.push(`${worst.length > 1 ? `${worst.map((d) => d.name).join("、")}并列末位` : `最低的是${w.name}`}（${fmt(w.score!)}分）${why}`);
  }
  const moved = f.districts.filter((d) => d.rankChange !== null && d.rankChange !== 0);
  if (moved.length === 0) {
    sentences.push("各区县名次与上月相同");
  } else {
    const up = [...moved].sort((a, b) => b.rankChange! - a.rankChange!)[0]!;
    const down = [...moved].sort((a, b) => a.rankChange! - b.rankChange!)[0]!;
    if (up.rankChange! > 0) sentences.push(`名次上升最多的是${up.name}（上升${up.rankChange}位）`);
    if (down.rankChange! < 0) sentences.push(`下降最多的是${down.name}（下降${-down.rankChange!}位）`);
  }
  return `${sentences.join("；")}。`;
}

export function taskParagraph(f: CircularFacts): string {
  if (f.tasks.length === 0) return "工作要点各项任务均按计划推进，无逾期或预计无法按期达标的任务。";
  const overdue = f.tasks.filter((t) => t.status === "overdue").length;
  const offTrack = f.tasks.length - overdue;
  return `截至本月末，工作要点中有${overdue}项任务逾期未完成、${offTrack}项任务按目前进度预计无法按期达标，具体如下：`;
}

// Short: the problem paragraphs above name every owner and value; a requirement says who acts, on what, by when.
const REQUIREMENT_PHRASINGS: ((p: ProblemIndicator, due: string) => string)[] = [
  (p, due) => `${p.indicator}：${owners(p)}督促${units(p)}逐条整改问题数据，${due}前报送整改反馈。`,
  (p, due) => `围绕${p.indicator}，${units(p)}会同${owners(p)}查明原因、逐条销号，${due}前在系统中提交整改情况。`,
  (p, due) => `${owners(p)}加强对${units(p)}${p.indicator}的指导，${due}前完成问题数据更正，力争下月达到${p.targetText}。`,
];
const owners = (p: ProblemIndicator) => (p.owners.length === 0 ? "相关部门" : p.owners.length <= 2 ? p.owners.join("、") : `${p.owners[0]}等${p.owners.length}个部门`);
// The units below the red line are named; those only short of the target are in the 附件.
const units = (p: ProblemIndicator) => (p.red.length === 0 ? "有关区县" : p.red.length <= 3 ? p.red.map((w) => w.unitName).join("、") : `${p.red[0]!.unitName}等${p.red.length}个区县`);

/** 第1项、第3项 — or, for many, 第1项、第3项等12项 (the 附件 lists them all). */
const taskList = (tasks: CircularFacts["tasks"]) =>
  tasks.length <= 5 ? tasks.map((t) => `第${t.number}项`).join("、") : `${tasks.slice(0, 3).map((t) => `第${t.number}项`).join("、")}等${tasks.length}项`;

/** 下月工作要求, following from this month's problems and the tasks behind schedule; consecutive ones worded apart. */
export function requirements(f: CircularFacts, nextMonthEnd: string, problems: ProblemIndicator[]): string[] {
  const out: string[] = [];
  // A requirement for each indicator with a district below its red line, the worst first, up to five.
  problems.slice(0, 5).forEach((p, i) => out.push(REQUIREMENT_PHRASINGS[i % REQUIREMENT_PHRASINGS.length]!(p, nextMonthEnd)));
  const late = f.tasks.filter((t) => t.status === "overdue");
  if (late.length > 0) {
    const owners = [...new Set(late.flatMap((t) => t.owners))];
    out.push(`工作要点中逾期的${taskList(late)}任务，请${owners.length <= 3 ? owners.join("、") || "相关单位" : `${owners.slice(0, 3).join("、")}等责任单位`}加快推进，于${nextMonthEnd}前报送进展情况。`);
  }
  const behind = f.tasks.filter((t) => t.status === "off_track");
  if (behind.length > 0) out.push(`进度滞后的${taskList(behind)}任务，责任单位要倒排工期，确保按期完成。`);
  if (out.length === 0) out.push("各单位继续保持，巩固各项指标成果，确保不出现预警。");
  out.push("各区县、各部门要落实数据报送责任，按时、规范报送双公示等信用信息，下月监测结果将继续通报。");
  return out;
}
