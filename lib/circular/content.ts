import { addMonths, formatMonthZh } from "@/lib/dates";
import type { ChartPicture } from "./chart-svg";
import type { CircularAttachment, CircularBlock, CircularDocument } from "./document";
import type { CircularFacts, CircularSettings, SgsRow } from "./facts";
import { isSerious, minorProblemsParagraph, praiseParagraph, problemIndicators, problemParagraph, sgsParagraphs, supervisionParagraph } from "./problem-sentences";
import { districtParagraph, overallParagraph, requirements, taskParagraph } from "./sentences";

const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const ordinal = (i: number) => (i < 10 ? ORDINALS[i]! : `十${ORDINALS[i - 10] ?? ""}`);

export interface CircularOptions {
  settings: CircularSettings;
  /** 示信办〔2026〕10号 once issued; empty on a draft. */
  documentNumber: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  draft: boolean;
  /** The district ranking and the city's trend, drawn on the server from the screens' chart options. */
  charts?: { ranking: ChartPicture; trend: ChartPicture };
}

/** 2026-11-05 → 2026年11月5日, as GB/T 9704 writes the 成文日期. */
export function formatDateZh(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** Tasks listed in the body up to this many; more go to an 附件. */
const TASKS_IN_BODY = 4;

const rankChange = (change: number | null) => (change === null ? "—" : change === 0 ? "持平" : change > 0 ? `上升${change}位` : `下降${-change}位`);
const share = (part: number, whole: number) => (whole === 0 ? "—" : `${((part / whole) * 100).toFixed(1)}%`);
const sgsRows = (rows: SgsRow[]) => rows.map((r) => [r.name, String(r.reported), share(r.compliant, r.reported), share(r.late, r.reported)]);

/**
 * The whole circular, every sentence generated from the numbers: a short body that judges — the problems by
 * indicator with the units and departments named, 双公示, praise, 督办, tasks, next month's requirements — and the
 * long tables as numbered 附件 after it.
 */
export function buildCircular(f: CircularFacts, o: CircularOptions): CircularDocument {
  const month = formatMonthZh(f.month);
  const attachments: CircularAttachment[] = [];
  const attach = (title: string, blocks: CircularBlock[]) => attachments.push({ title, blocks });
  const sections: { title: string; blocks: CircularBlock[] }[] = [];
  let figure = 0;
  const chart = (picture: ChartPicture | undefined, caption: string, alt: string): CircularBlock[] =>
    picture ? [{ kind: "chart", ...picture, caption: `图${++figure}　${caption}`, alt }] : [];

  sections.push({ title: "总体情况", blocks: [
    { kind: "paragraph", text: overallParagraph(f) },
    ...chart(o.charts?.trend, `${f.cityName}综合得分近12个月走势`, `${f.cityName}综合得分近12个月走势折线图`),
  ] });

  attach("各区县综合得分排名", [{
    kind: "table", caption: `${month}各区县综合得分排名`, columns: ["名次", "区县", "综合得分", "较上月"],
    rows: f.districts.map((d) => [d.rank === null ? "—" : String(d.rank), d.name, d.score === null ? "无数据" : d.score.toFixed(2), rankChange(d.rankChange)]),
    note: "综合得分为本系统自定的计算方法，仅供内部督促工作参考。",
  }]);
  sections.push({ title: "各区县排名情况", blocks: [
    { kind: "paragraph", text: `${districtParagraph(f).replace(/。$/, "")}。各区县得分和名次见附件${attachments.length}。` },
    ...chart(o.charts?.ranking, `${month}各区县综合得分排名`, `${month}各区县综合得分排名条形图`),
  ] });

  const problems = problemIndicators(f);
  const redCount = f.warnings.filter((w) => w.kind === "red").length;
  const yellowCount = f.warnings.length - redCount;
  if (f.warnings.length > 0) {
    attach("红色、黄色预警明细", [{
      kind: "table", caption: `${month}红色、黄色预警明细`, columns: ["预警", "单位", "指标", "数值", "目标", "责任单位"],
      rows: f.warnings.map((w) => [w.kind === "red" ? "红色" : "黄色", w.unitName, w.indicator, w.valueText, w.targetText, w.owners.join("、")]),
    }]);
  }
  const serious = problems.filter(isSerious);
  const minor = problems.filter((p) => !isSerious(p));
  const warningsAttachment = attachments.length;
  sections.push({ title: "存在的主要问题", blocks: problems.length === 0
    ? [{ kind: "paragraph", text: f.warnings.length === 0 ? "本月各项指标均达到目标值，未出现红色、黄色预警。" : `本月区县层面各项指标均达到目标值，镇街层面有${f.warnings.length}项预警，明细见附件${warningsAttachment}。` }]
    : [
      { kind: "paragraph", text: `本月共有红色预警${redCount}项、黄色预警${yellowCount}项（含镇街，明细见附件${warningsAttachment}）。${serious.length > 0 ? `${serious.length}项指标有区县低于红线：` : "各区县均未低于红线。"}` },
      ...serious.map((p, i) => ({ kind: "paragraph" as const, text: `（${ordinal(i)}）${p.indicator}。${problemParagraph(p, i)}` })),
      ...(minor.length > 0 ? [{ kind: "paragraph" as const, text: `${serious.length > 0 ? `（${ordinal(serious.length)}）其他未达标指标。` : ""}${minorProblemsParagraph(minor, warningsAttachment)}` }] : []),
    ] });

  const hasSgs = [f.sgs.byDistrict.license, f.sgs.byDistrict.penalty].some((rows) => rows.length > 0);
  if (hasSgs) {
    const sgsBlocks: CircularBlock[] = [];
    for (const [kind, label] of [["license", "行政许可"], ["penalty", "行政处罚"]] as const) {
      if (f.sgs.byDistrict[kind].length > 0) sgsBlocks.push({ kind: "table", caption: `${label}（分区县）`, columns: ["区县", "上报条数", "合规率", "迟报率"], rows: sgsRows(f.sgs.byDistrict[kind]) });
      if (f.sgs.byDepartment[kind].length > 0) sgsBlocks.push({ kind: "table", caption: `${label}（分部门）`, columns: ["部门", "上报条数", "合规率", "迟报率"], rows: sgsRows(f.sgs.byDepartment[kind]) });
    }
    attach("双公示报送情况", sgsBlocks);
    sections.push({ title: "双公示报送情况", blocks: [
      ...sgsParagraphs(f).map((text) => ({ kind: "paragraph" as const, text })),
      { kind: "paragraph", text: `分区县、分部门情况见附件${attachments.length}。` },
    ] });
  }

  const praise = praiseParagraph(f);
  if (praise) sections.push({ title: "进步情况", blocks: [{ kind: "paragraph", text: praise }] });

  sections.push({ title: "督办整改情况", blocks: [{ kind: "paragraph", text: supervisionParagraph(f) }] });

  const taskBlocks: CircularBlock[] = [{ kind: "paragraph", text: taskParagraph(f) }];
  if (f.tasks.length > TASKS_IN_BODY) {
    attach("逾期或进度滞后的工作要点任务", [{
      kind: "table", caption: "逾期或预计无法按期达标的任务", columns: ["序号", "任务", "期限", "状态", "责任单位"],
      rows: f.tasks.map((t) => [t.number, t.title, t.deadline ?? "—", t.status === "overdue" ? "逾期" : "进度滞后", t.owners.join("、")]),
    }]);
    taskBlocks[0] = { kind: "paragraph", text: `${taskParagraph(f).replace(/，具体如下：$/, "")}，明细见附件${attachments.length}。` };
  } else {
    f.tasks.forEach((t, i) => taskBlocks.push({ kind: "paragraph", text: `${i + 1}．第${t.number}项“${t.title}”${t.status === "overdue" ? `已于${t.deadline ?? "期限"}逾期` : "按目前进度预计无法按期达标"}，责任单位：${t.owners.join("、") || "未明确"}。` }));
  }
  sections.push({ title: "工作要点任务推进情况", blocks: taskBlocks });

  // Rectification is reported by the 10th of the month after the circular is issued.
  const due = formatDateZh(`${addMonths(f.month, 2)}-10`);
  sections.push({ title: "下月工作要求", blocks: requirements(f, due, serious).map((text, i) => ({ kind: "paragraph" as const, text: `（${ordinal(i)}）${text}` })) });

  const blocks: CircularBlock[] = [{ kind: "paragraph", text: `现将${month}全市社会信用体系建设监测情况通报如下：` }];
  sections.forEach((s, i) => blocks.push({ kind: "heading1", text: `${ordinal(i)}、${s.title}` }, ...s.blocks));
  const issuer = `${f.cityName}${o.settings.issuer}`;
  return {
    month: f.month,
    title: `关于${month}全市社会信用体系建设监测情况的通报`,
    documentNumber: o.documentNumber, addressees: o.settings.addressees, blocks, attachments,
    issuer, issuedOn: formatDateZh(o.issuedOn), draft: o.draft,
    colophon: { copyTo: o.settings.copyTo, printer: issuer, printedOn: formatDateZh(o.issuedOn) },
  };
}
