import { addMonths, formatMonthZh } from "@/lib/dates";
import type { CircularBlock, CircularDocument } from "./document";
import type { CircularFacts, CircularSettings } from "./facts";
import { districtParagraph, overallParagraph, redWarningSentence, requirements, taskParagraph, warningParagraph } from "./sentences";

const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const ordinal = (i: number) => (i < 10 ? ORDINALS[i]! : `十${ORDINALS[i - 10] ?? ""}`);

export interface CircularOptions {
  settings: CircularSettings;
  /** 示信办〔2026〕10号 once issued; empty on a draft. */
  documentNumber: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  draft: boolean;
  /** Optional SVG of the district ranking chart. */
  rankingChart?: { svg: string; width: number; height: number };
}

/** 2026-11-05 → 2026年11月5日, as GB/T 9704 writes the 成文日期. */
export function formatDateZh(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** The whole circular, every sentence generated from the numbers. */
export function buildCircular(f: CircularFacts, o: CircularOptions): CircularDocument {
  const month = formatMonthZh(f.month);
  const red = f.warnings.filter((w) => w.kind === "red");
  const blocks: CircularBlock[] = [
    { kind: "paragraph", text: `现将${month}全市社会信用体系建设监测情况通报如下：` },
    { kind: "heading1", text: "一、总体情况" },
    { kind: "paragraph", text: overallParagraph(f) },
    { kind: "heading1", text: "二、各区县排名情况" },
    { kind: "paragraph", text: districtParagraph(f) },
    ...(o.rankingChart ? [{ kind: "chart" as const, ...o.rankingChart, alt: `${month}各区县综合得分排名图` }] : []),
    {
      kind: "table", caption: `${month}各区县综合得分排名`, columns: ["名次", "区县", "综合得分", "较上月"],
      rows: f.districts.map((d) => [d.rank === null ? "—" : String(d.rank), d.name, d.score === null ? "无数据" : d.score.toFixed(2),
        d.rankChange === null ? "—" : d.rankChange === 0 ? "持平" : d.rankChange > 0 ? `上升${d.rankChange}位` : `下降${-d.rankChange}位`]),
      note: "综合得分为本系统自定的计算方法，仅供内部督促工作参考。",
    },
    { kind: "heading1", text: "三、预警情况" },
    { kind: "paragraph", text: warningParagraph(f) },
    ...red.map((w, i) => ({ kind: "paragraph" as const, text: `${i + 1}．${redWarningSentence(w)}` })),
  ];
  const yellow = f.warnings.filter((w) => w.kind === "yellow");
  if (yellow.length > 0) {
    blocks.push({
      kind: "table", caption: "黄色预警（未达到目标值）", columns: ["单位", "指标", "数值", "目标", "责任单位"],
      rows: yellow.map((w) => [w.unitName, w.indicator, w.valueText, w.targetText, w.owners.join("、")]),
    });
  }
  blocks.push({ kind: "heading1", text: "四、工作要点任务推进情况" }, { kind: "paragraph", text: taskParagraph(f) });
  if (f.tasks.length > 0) {
    blocks.push({
      kind: "table", caption: "逾期或预计无法按期达标的任务", columns: ["序号", "任务", "期限", "状态", "责任单位"],
      rows: f.tasks.map((t) => [t.number, t.title, t.deadline ?? "—", t.status === "overdue" ? "逾期" : "预计无法按期达标", t.owners.join("、")]),
    });
  }
  blocks.push({ kind: "heading1", text: "五、下月工作要求" });
  // Rectification is reported by the 10th of the month after the circular is issued.
  const due = formatDateZh(`${addMonths(f.month, 2)}-10`);
  requirements(f, due).forEach((text, i) => blocks.push({ kind: "paragraph", text: `（${ordinal(i)}）${text}` }));
  return {
    month: f.month,
    title: `关于${month}全市社会信用体系建设监测情况的通报`,
    documentNumber: o.documentNumber, addressees: o.settings.addressees, blocks,
    issuer: `${f.cityName}${o.settings.issuer}`, issuedOn: formatDateZh(o.issuedOn), draft: o.draft,
  };
}
