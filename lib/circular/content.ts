import { addMonths, formatMonthZh } from "@/lib/dates";
import type { ChartPicture } from "./chart-svg";
import type { CircularAttachment, CircularBlock, CircularDocument } from "./document";
import type { CircularFacts, CircularSettings, SgsRow } from "./facts";
import { FOLLOW_UPS_NAMED, supervisionParagraph, taskParagraph } from "./follow-up-sentences";
import { fitsInPages } from "./docx/fit";
import { shortDate } from "./naming";
import { PROBLEMS_IN_FULL, isSerious, otherProblemsParagraph, problemIndicators, problemParagraph } from "./problem-sentences";
import { requirements } from "./requirements";
import { hasLateUnits, sgsParagraph } from "./sgs-sentences";
import { districtParagraph, overallParagraph, praiseParagraph } from "./sentences";

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

const rankChange = (change: number | null) => (change === null ? "—" : change === 0 ? "持平" : change > 0 ? `上升${change}位` : `下降${-change}位`);
const share = (part: number, whole: number) => (whole === 0 ? "—" : `${((part / whole) * 100).toFixed(1)}%`);
const sgsRows = (rows: SgsRow[]) => rows.map((r) => [r.name, String(r.reported), share(r.compliant, r.reported), share(r.late, r.reported)]);
const paragraph = (text: string): CircularBlock => ({ kind: "paragraph", text });
/** The issue asks for a body of about three pages for a ten-district city, the long tables after it in 附件. */
export const BODY_PAGES = 3;

/**
 * The whole circular, every sentence generated from the numbers. The body judges in about three pages for a
 * ten-district city: the worst problems by indicator with units and departments named, the rest summed up, 双公示,
 * praise, 督办, tasks and next month's requirements, a few names each and counts for the rest. The long tables and
 * the ranking chart are numbered 附件 after it.
 */
export function buildCircular(f: CircularFacts, o: CircularOptions): CircularDocument {
  const month = formatMonthZh(f.month);
  const attachments: CircularAttachment[] = [];
  const attach = (title: string, blocks: CircularBlock[]) => attachments.push({ title, blocks }) as number;
  const sections: { title: string; blocks: CircularBlock[] }[] = [];
  let figure = 0;
  const chart = (picture: ChartPicture | undefined, caption: string, alt: string): CircularBlock[] =>
    picture ? [{ kind: "chart", ...picture, caption: `图${++figure}　${caption}`, alt }] : [];

  // The trend is drawn in the body (when there is room, see below); the ranking chart goes with its table in 附件1.
  const trend = chart(o.charts?.trend, `${f.cityName}综合得分近12个月走势`, `${f.cityName}综合得分近12个月走势折线图`);
  const rankingAttachment = attach("各区县综合得分排名", [
    ...chart(o.charts?.ranking, `${month}各区县综合得分排名`, `${month}各区县综合得分排名条形图`),
    {
      kind: "table", caption: `${month}各区县综合得分排名`, columns: ["名次", "区县", "综合得分", "较上月"],
      rows: f.districts.map((d) => [d.rank === null ? "—" : String(d.rank), d.name, d.score === null ? "无数据" : d.score.toFixed(2), rankChange(d.rankChange)]),
      note: "综合得分为本系统自定的计算方法，仅供内部督促工作参考。",
    },
  ]);
  const praise = praiseParagraph(f);
  sections.push({ title: "总体情况", blocks: [
    paragraph(`${overallParagraph(f)}${districtParagraph(f).replace(/。$/, "")}，详见附件${rankingAttachment}。`),
    ...trend,
    ...(praise ? [paragraph(praise)] : []),
  ] });

  const problems = problemIndicators(f);
  const redCount = f.warnings.filter((w) => w.kind === "red").length;
  const yellowCount = f.warnings.length - redCount;
  const warningsAttachment = f.warnings.length === 0 ? 0 : attach("红色、黄色预警明细", [{
    kind: "table", caption: `${month}红色、黄色预警明细`, columns: ["预警", "单位", "指标", "数值", "目标", "责任单位"],
    rows: f.warnings.map((w) => [w.kind === "red" ? "红色" : "黄色", w.unitName, w.indicator, w.valueText, w.targetText, w.owners.join("、")]),
  }]);
  const serious = problems.filter(isSerious);
  const minor = problems.filter((p) => !isSerious(p));
  const inFull = serious.slice(0, PROBLEMS_IN_FULL);
  const summed = serious.slice(PROBLEMS_IN_FULL);
  const lead = serious.length === 0 ? "各区县均未触及红线。" : `${serious.length}项指标触及红线：`;
  // The 附件 is pointed to by the paragraph summing up the rest, or else here.
  const aside = [problems.some((p) => p.towns > 0) && "含镇街", summed.length + minor.length === 0 && `明细见附件${warningsAttachment}`].filter(Boolean);
  sections.push({ title: "存在的主要问题", blocks: problems.length === 0
    ? [paragraph(f.warnings.length === 0 ? "本月各项指标均达到目标值，未出现红色、黄色预警。" : `本月区县层面各项指标均达到目标值，镇街层面有${f.warnings.length}项预警，明细见附件${warningsAttachment}。`)]
    : [
      paragraph(`本月红色预警${redCount}项、黄色预警${yellowCount}项${aside.length > 0 ? `（${aside.join("，")}）` : ""}，${lead}`),
      ...inFull.map((p, i) => paragraph(`（${ordinal(i)}）${p.indicator}。${problemParagraph(p, i)}`)),
      ...(summed.length + minor.length > 0
        ? [paragraph(otherProblemsParagraph(summed, minor, warningsAttachment, inFull.length > 0))]
        : []),
    ] });

  if ([f.sgs.byDistrict.license, f.sgs.byDistrict.penalty].some((rows) => rows.length > 0)) {
    const sgsBlocks: CircularBlock[] = [];
    for (const [kind, label] of [["license", "行政许可"], ["penalty", "行政处罚"]] as const) {
      if (f.sgs.byDistrict[kind].length > 0) sgsBlocks.push({ kind: "table", caption: `${label}（分区县）`, columns: ["区县", "上报条数", "合规率", "迟报率"], rows: sgsRows(f.sgs.byDistrict[kind]) });
      if (f.sgs.byDepartment[kind].length > 0) sgsBlocks.push({ kind: "table", caption: `${label}（分部门）`, columns: ["部门", "上报条数", "合规率", "迟报率"], rows: sgsRows(f.sgs.byDepartment[kind]) });
    }
    sections.push({ title: "双公示报送情况", blocks: [paragraph(sgsParagraph(f, attach("双公示报送情况", sgsBlocks)))] });
  }

  const tasksAttachment = f.tasks.length <= FOLLOW_UPS_NAMED ? null : attach("逾期或进度滞后的工作要点任务", [{
    kind: "table", caption: "逾期或预计无法按期达标的任务", columns: ["序号", "任务", "期限", "状态", "责任单位"],
    rows: f.tasks.map((t) => [t.number, t.title, t.deadline ?? "—", t.status === "overdue" ? "逾期" : "进度滞后", t.owners.join("、")]),
  }]);
  sections.push({ title: "督办整改和任务推进情况", blocks: [paragraph(`${supervisionParagraph(f)}${taskParagraph(f, tasksAttachment)}`)] });

  // Rectification is reported by the 10th of the month after the circular is issued.
  const due = shortDate(`${addMonths(f.month, 2)}-10`, addMonths(f.month, 1).slice(0, 4));
  const asked = requirements(f, due, { serious, minor, warningsAttachment, lateSgs: hasLateUnits(f) });
  sections.push({ title: "下月工作要求", blocks: asked.map((text, i) => paragraph(`（${ordinal(i)}）${text}`)) });

  const blocks: CircularBlock[] = [{ kind: "paragraph", text: `现将${month}全市社会信用体系建设监测情况通报如下：` }];
  sections.forEach((s, i) => blocks.push({ kind: "heading1", text: `${ordinal(i)}、${s.title}` }, ...s.blocks));
  // The trend stays in the body while the body still fits its three pages; in a month with much to say it opens 附件1.
  if (trend[0] && !fitsInPages({ blocks, attachments: attachments.length, draft: o.draft, addressees: o.settings.addressees }, BODY_PAGES)) {
    blocks.splice(blocks.indexOf(trend[0]), 1);
    attachments[rankingAttachment - 1]!.blocks.unshift(trend[0]);
  }
  const issuer = `${f.cityName}${o.settings.issuer}`;
  return {
    month: f.month,
    title: `关于${month}全市社会信用体系建设监测情况的通报`,
    documentNumber: o.documentNumber, addressees: o.settings.addressees, blocks, attachments,
    issuer, issuedOn: formatDateZh(o.issuedOn), draft: o.draft,
    colophon: { copyTo: o.settings.copyTo, printer: issuer, printedOn: formatDateZh(o.issuedOn) },
  };
}
