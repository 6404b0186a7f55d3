import { AlignmentType, DocumentGridType, Footer, Paragraph, TextRun, PageNumber, LineRuleType } from "docx";
import type { ISectionOptions } from "docx";

/** Millimetres to twips (1/1440 inch), the unit of WordprocessingML page geometry. */
export const mm = (value: number): number => Math.round((value / 25.4) * 1440);

// GB/T 9704-2012 5.1 and 5.2.1: A4, 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm.
export const PAGE = { width: mm(210), height: mm(297) } as const;
export const MARGIN = { top: mm(37), left: mm(28), right: mm(210 - 28 - 156), bottom: mm(297 - 37 - 225) } as const;
export const TYPE_AREA = {
  width: PAGE.width - MARGIN.left - MARGIN.right,
  height: PAGE.height - MARGIN.top - MARGIN.bottom,
} as const;

/** 3号 (16 pt) in half-points, the size of every element unless said otherwise (5.2.2). */
export const BODY_SIZE = 32;
// 5.2.3: 22 lines of 28 characters filling the type area. Rounded down so that all 22 and all 28 fit.
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** Exact line pitch in twips: 225 mm / 22 ≈ 28.95 pt. */
export const LINE_PITCH = Math.floor(TYPE_AREA.height / LINES_PER_PAGE);
/** Character pitch in twips: 156 mm / 28 ≈ 15.79 pt, a little under the 16 pt glyphs. */
export const CHAR_PITCH = TYPE_AREA.width / CHARS_PER_LINE;
/** docGrid charSpace: (pitch − default font size) in 1/4096 pt, so that the grid holds 28 characters a line. */
export const CHAR_SPACE = Math.floor((CHAR_PITCH / 20 - BODY_SIZE / 2) * 4096);
/** Twips of n body characters, for indents written in characters (首行缩进二字, 右空四字). */
export const chars = (n: number): number => Math.round(n * CHAR_PITCH);

/** 4号 (14 pt), the page-number size (7.5). */
const PAGE_NUMBER_SIZE = 28;
const SONG = "宋体";

// 7.5: 一字线 7 mm below the type area, so about 28 mm above the page edge; the footer distance is to the
// bottom of its 14 pt line, whose dash sits about 2.5 mm above that.
const FOOTER_DISTANCE = mm(297 - 37 - 225 - 7 - 2.5);

/** "— 1 —" in 4号 半角宋体; 单页码居右空一字，双页码居左空一字 (7.5). */
function pageNumberFooter(side: "odd" | "even"): Footer {
  const oneChar = PAGE_NUMBER_SIZE * 10; // one 14 pt character, in twips
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: oneChar } : { left: oneChar },
        spacing: { line: PAGE_NUMBER_SIZE * 10, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            size: PAGE_NUMBER_SIZE,
            font: { ascii: SONG, hAnsi: SONG, eastAsia: SONG, cs: SONG },
          }),
        ],
      }),
    ],
  });
}

/** Page size, margins, the 22 × 28 grid and the odd/even page-number footers of the one section. */
export function sectionProperties(): Pick<ISectionOptions, "properties" | "footers"> {
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: { ...MARGIN, header: mm(15), footer: FOOTER_DISTANCE, gutter: 0 },
      },
      grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
    },
    // The default footer is the odd pages' once the document sets evenAndOddHeaderAndFooters.
    footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
  };
}
