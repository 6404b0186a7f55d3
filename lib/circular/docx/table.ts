import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from "docx";
import type { CircularBlock } from "../document";
import { LINE_PITCH, TYPE_AREA } from "./page";
import { smallParagraph } from "./text";
import { textWidth } from "./title-lines";

type TableBlock = Extract<CircularBlock, { kind: "table" }>;

/** 小四 (12 pt) cell text: a ranking of every district has to fit across the 156 mm type area. */
const CELL_SIZE = 24;
/** 4号 (14 pt) caption above the table. */
const CAPTION_SIZE = 28;
const LINE = { style: BorderStyle.SINGLE, size: 6, color: "000000" } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

const CELL_MARGIN = 60;

/** Half-characters up to which a column's text is a value (名次, 数值 such as ≤万分之1.00, 区县名) that must never wrap. */
const SHORT = 14;

/**
 * Column widths in twips adding up to the type area. Every column asks for its widest text on one line. Short
 * columns (values, names) get what they ask; the long-text columns (任务, 责任单位) share what is left in
 * proportion and wrap, so no number is ever broken across lines. Spare width is shared by all in proportion.
 */
export function columnWidths(columns: string[], rows: string[][]): number[] {
  const halfChar = CELL_SIZE * 5;
  const widestText = columns.map((header, i) => Math.max(textWidth(header), ...rows.map((row) => textWidth(row[i] ?? ""))));
  const needs = widestText.map((w) => Math.ceil((w + 1) * halfChar) + 2 * CELL_MARGIN);
  const total = needs.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (total <= TYPE_AREA.width) {
    widths = needs.map((need) => Math.floor((TYPE_AREA.width * need) / total));
  } else {
    const long = widestText.map((w) => w > SHORT);
    const fixed = needs.reduce((sum, need, i) => sum + (long[i] ? 0 : need), 0);
    // Shared by the square root of what each asks: a very long column does not starve a moderately long one.
    const weight = needs.map((need, i) => (long[i] ? Math.sqrt(need) : 0));
    const longNeeds = weight.reduce((a, b) => a + b, 0);
    const rest = TYPE_AREA.width - fixed;
    // The long columns keep at least four characters each; otherwise everything shrinks alike.
    widths = longNeeds > 0 && rest >= long.filter(Boolean).length * (8 * halfChar + 2 * CELL_MARGIN)
      ? needs.map((need, i) => (long[i] ? Math.floor((rest * weight[i]!) / longNeeds) : need))
      : needs.map((need) => Math.floor((TYPE_AREA.width * need) / total));
  }
  widths[widths.length - 1]! += TYPE_AREA.width - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cell(text: string, width: number, header: boolean): TableCell {
  // keepNext on the header row keeps it on the page of the first data row (Word and LibreOffice alike).
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
    children: [smallParagraph(text, { size: CELL_SIZE, bold: header, keepNext: header })],
  });
}

/** A table block: caption above, a bold header row repeated on each page, ruled, the type area's width. */
export function tableBlock(block: TableBlock): (Paragraph | Table)[] {
  const widths = columnWidths(block.columns, block.rows);
  const row = (texts: string[], header: boolean) =>
    new TableRow({
      // No cantSplit: LibreOffice 7.4 drops the rows of such a table when its header row ends a page.
      tableHeader: header,
      children: widths.map((w, i) => cell(texts[i] ?? "", w, header)),
    });
  const out: (Paragraph | Table)[] = [
    smallParagraph(block.caption, { size: CAPTION_SIZE, eastAsia: "heading1", line: LINE_PITCH, keepNext: true }),
    new Table({
      width: { size: TYPE_AREA.width, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: BORDERS,
      rows: [row(block.columns, true), ...block.rows.map((r) => row(r, false))],
    }),
  ];
  if (block.note) {
    const note = block.note.startsWith("注") ? block.note : `注：${block.note}`;
    out.push(smallParagraph(note, { size: CELL_SIZE, align: "left" }));
  }
  return out;
}
