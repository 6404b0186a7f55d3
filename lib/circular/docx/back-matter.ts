import { AlignmentType, BorderStyle, ImageRun, LineRuleType, Paragraph, TextRun } from "docx";
import type { CircularAttachment, CircularBlock } from "../document";
import { chartPng } from "../chart-svg";
import { LINE_PITCH, TYPE_AREA, chars } from "./page";
import { FONTS, blankLine, smallParagraph, title } from "./text";

type ChartBlock = Extract<CircularBlock, { kind: "chart" }>;

const exactLine = (line: number = LINE_PITCH) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
/** 5号 (10.5 pt) figure captions, in half-points. */
const CAPTION_SIZE = 21;
/** Twips to the pixels (96 per inch) docx sizes images in. */
const px = (twips: number) => Math.floor((twips / 1440) * 96);

const CHART_SPACING = { before: 120, after: 60 };
const CAPTION_LINE = Math.round(CAPTION_SIZE * 10 * 1.6);

/** The picture's size in pixels: the width of the type area less two characters at most, the chart's proportions kept. */
function chartSize(b: Pick<ChartBlock, "width" | "height">) {
  const width = Math.min(px(TYPE_AREA.width - chars(2)), b.width);
  return { width, height: Math.round((b.height * width) / b.width) };
}

/** Body lines a chart and its caption take on the page (a pixel is 15 twips). */
export function chartLines(b: Pick<ChartBlock, "width" | "height">): number {
  return Math.ceil((chartSize(b).height * 15 + CHART_SPACING.before + CHART_SPACING.after + CAPTION_LINE) / LINE_PITCH);
}

/** A chart as a picture the width of the type area less two characters, centred, with 图N under it. */
export function chartParagraphs(b: ChartBlock): Paragraph[] {
  const { width, height } = chartSize(b);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      // Auto line height: the document's exact 22-lines grid would crop the picture to one line.
      spacing: { ...CHART_SPACING, line: 240, lineRule: LineRuleType.AUTO },
      children: [new ImageRun({ type: "png", data: chartPng(b), transformation: { width, height }, altText: { name: b.caption, title: b.caption, description: b.alt } })],
    }),
    smallParagraph(b.caption, { size: CAPTION_SIZE, line: CAPTION_LINE }),
  ];
}

/**
 * 7.3.4 附件说明: under the body after a blank line, 左空二字 "附件：1．名称", further names aligned under the first.
 * Numbers are written even for a single 附件 so each can be cited as 附件1.
 */
export function attachmentNote(attachments: CircularAttachment[]): Paragraph[] {
  if (attachments.length === 0) return [];
  const lead = "附件：";
  return [
    new Paragraph({ spacing: exactLine(), keepNext: true, children: [] }),
    ...attachments.map((a, i) => new Paragraph({
      spacing: exactLine(),
      keepNext: true,
      // The first line starts two characters in; the others hang under the first name.
      indent: { left: chars(2 + lead.length), hanging: i === 0 ? chars(lead.length) : 0 },
      children: [new TextRun({ text: `${i === 0 ? lead : ""}${i + 1}．${a.title}`, font: FONTS.body })],
    })),
  ];
}

/** 8.1 附件: each on a new page, "附件N" in 3号黑体 top left, its title centred on the third line, then its tables. */
export function attachmentPages(attachments: CircularAttachment[], render: (b: CircularBlock) => (Paragraph | import("docx").Table)[]) {
  return attachments.flatMap((a, i) => [
    new Paragraph({ pageBreakBefore: true, spacing: exactLine(), children: [new TextRun({ text: `附件${i + 1}`, font: FONTS.heading1 })] }),
    // title() puts its text two lines down, on the third line as 8.1 asks.
    title(a.title),
    blankLine(),
    ...a.blocks.flatMap(render),
  ]);
}

const RULE = (size: number) => ({ style: BorderStyle.SINGLE, size, color: "000000", space: 4 });

/**
 * 7.4 版记 at the end: 抄送 (4号仿宋, 左右各空一字) and 印发机关 (左空一字) with 印发日期 (右空一字) + 印发, between
 * a thick first and last rule and thin rules in between.
 */
export function colophon(c: { copyTo: string; printer: string; printedOn: string }): Paragraph[] {
  const size = 28; // 4号
  const line = { ...exactLine(Math.round(size * 10 * 1.5)) };
  const lines: Paragraph[] = [blankLine(), blankLine()];
  const copy = c.copyTo.trim().replace(/[。；;，,]$/, "");
  if (copy) {
    lines.push(new Paragraph({
      spacing: line, indent: { left: chars(1), right: chars(1) },
      border: { top: RULE(8), bottom: RULE(4) },
      children: [new TextRun({ text: `抄送：${copy}。`, font: FONTS.body, size })],
    }));
  }
  lines.push(new Paragraph({
    spacing: line, indent: { left: chars(1), right: chars(1) },
    border: { ...(copy ? {} : { top: RULE(8) }), bottom: RULE(8) },
    tabStops: [{ type: "right", position: TYPE_AREA.width - chars(2) }],
    children: [new TextRun({ text: c.printer, font: FONTS.body, size }), new TextRun({ text: `\t${c.printedOn}印发`, font: FONTS.body, size })],
  }));
  return lines;
}
