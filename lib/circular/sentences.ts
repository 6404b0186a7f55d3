import type { CircularFacts } from "./facts";
import { someOf } from "./naming";

const fmt = (n: number) => (Math.round(n * 100) / 100).toString();

/** 较上月上升0.52分 / 下降… / 与上月持平 / (nothing without last month). */
export function changeClause(current: number | null, previous: number | null, unit: string, higherIsUp = true): string {
  if (current === null || previous === null) return "";
  const diff = Math.round((current - previous) * 100) / 100;
  if (diff === 0) return "，与上月持平";
  const up = higherIsUp ? diff > 0 : diff < 0;
  return `，较上月${up ? "上升" : "下降"}${fmt(Math.abs(diff))}${unit}`;
}

/** 10月，全市监测综合得分…；全国排名…；指标达标情况。 */
export function overallParagraph(f: CircularFacts): string {
  const month = `${Number(f.month.slice(5, 7))}月`;
  const parts: string[] = [];
  parts.push(f.composite.score === null
    ? `${month}，全市监测综合得分暂无数据`
    : `${month}，全市监测综合得分${fmt(f.composite.score)}分${changeClause(f.composite.score, f.composite.previous, "分")}`);
  const { rank, previous, total } = f.nationalRank;
  if (rank !== null) {
    // A smaller rank number is better: moving from 12 to 9 is 上升3位.
    const moved = previous === null ? "" : previous === rank ? "，与上月持平" : `，较上月${previous > rank ? "上升" : "下降"}${Math.abs(previous - rank)}位`;
    parts.push(`在全国${total ? `${total}个城市中` : "城市信用状况监测中"}排名第${rank}位${moved}`);
  }
  const missed = f.indicators.filter((i) => i.met === false);
  parts.push(missed.length === 0
    ? `${f.indicators.length}项监测指标全部达到目标值`
    // A few are named here; more are taken up under 存在的主要问题.
    : `${f.indicators.length}项监测指标中${missed.length}项未达标${missed.length <= 3 ? `（${missed.map((i) => i.name).join("、")}）` : ""}`);
  return `${parts.join("；")}。`;
}

/** The best and the worst district and where the worst lost points, and who moved most. */
export function districtParagraph(f: CircularFacts): string {
  const scored = f.districts.filter((d) => d.score !== null && d.rank !== null);
  if (scored.length === 0) return "本月各区县暂无综合得分。";
  const bestRank = scored[0]!.rank;
  const worstRank = Math.max(...scored.map((d) => d.rank!));
  const best = scored.filter((d) => d.rank === bestRank);
  const worst = scored.filter((d) => d.rank === worstRank);
  let ends = best.length > 1
    ? `各区县中${best.map((d) => d.name).join("、")}并列第一（${fmt(best[0]!.score!)}分）`
    : `各区县中${best[0]!.name}得分最高（${fmt(best[0]!.score!)}分）`;
  if (worstRank !== bestRank) {
    const w = worst[0]!;
    // Only the indicator that cost the most points: the body stays short.
    const why = w.weakest.length > 0 ? `，主要失分在${w.weakest[0]!.indicator}（${w.weakest[0]!.valueText}）` : "";
    ends += `，${worst.length > 1 ? `${worst.map((d) => d.name).join("、")}并列末位` : `${w.name}最低`}（${fmt(w.score!)}分）${why}`;
  }
  const sentences = [ends];
  const moved = f.districts.filter((d) => d.rankChange !== null && d.rankChange !== 0);
  if (moved.length === 0) {
    sentences.push("各区县名次与上月相同");
  } else {
    // Those who rose are praised by name in their own paragraph; here only the biggest fall.
    const down = [...moved].sort((a, b) => a.rankChange! - b.rankChange!)[0]!;
    if (down.rankChange! < 0) sentences.push(`${down.name}名次下降最多（下降${-down.rankChange!}位）`);
  }
  return `${sentences.join("；")}。`;
}

const PRAISED = 2;

/** Praise: districts that rose in the ranking, and districts' red or yellow warnings of last month now met. */
export function praiseParagraph(f: CircularFacts): string | null {
  const risen = f.districts.filter((d) => (d.rankChange ?? 0) > 0).sort((a, b) => b.rankChange! - a.rankChange!);
  const now = new Set(f.warnings.map((w) => `${w.unitName}|${w.indicator}`));
  // The circular praises the units it is addressed to; the city's own figures are in 总体情况.
  const fixed = f.previousWarnings.filter((w) => w.level === "district" && !now.has(`${w.unitName}|${w.indicator}`));
  if (risen.length === 0 && fixed.length === 0) return null;
  const parts: string[] = [];
  if (risen.length > 0) parts.push(`${someOf(risen.map((d) => `${d.name}（上升${d.rankChange}位）`), PRAISED, "个区县")}名次较上月上升`);
  if (fixed.length > 0) {
    const units = [...new Set(fixed.map((w) => w.unitName))];
    parts.push(units.length === 1
      ? `${units[0]}${someOf(fixed.map((w) => w.indicator), 2, "项指标")}由上月预警整改至达到目标值`
      : `${someOf(units, PRAISED, "个区县")}上月预警的${fixed.length}项指标本月已达到目标值`);
  }
  return `${parts.join("；")}，予以通报表扬。`;
}
