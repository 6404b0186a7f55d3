import { BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from "docx";
import { zipSync, type Zippable } from "fflate";
import type { DepartmentNoticeDocument, NoticeContent } from "./department-notice";
import { TYPE_AREA } from "./docx/page";
import { sectionProperties } from "./docx/page";
import { stylesXml } from "./docx/styles";
import { columnWidths } from "./docx/table";
import { bodyParagraph, smallParagraph, title } from "./docx/text";

/** 五号 (10.5 pt) cells on lines of 12.6 pt: a typical department's three tables fit one page under a 2号 title. */
const CELL_SIZE = 21;
const CELL_LINE = 252;
const LINE = { style: BorderStyle.SINGLE, size: 6, color: "000000" } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/**
 * The 问题清单 as a Word file on the circular's page (GB/T 9704: A4, 版心 156 × 225 mm, 3号 仿宋 body): the title in
 * 2号 小标宋, the line naming the circular, the three parts as （一）（二）（三） each with its table or a sentence
 * saying there is none, and the closing request.
 */
export async function renderDepartmentNoticeDocx(doc: DepartmentNoticeDocument): Promise<Buffer> {
  const document = new Document({
    title: doc.title,
    creator: "信用监测",
    description: `${doc.department}问题清单`,
    evenAndOddHeaderAndFooters: true,
    sections: [{
      ...sectionProperties(),
      children: [
        title(doc.titleLines.join("\n")),
        bodyParagraph(doc.lead),
        ...doc.sections.flatMap((s) => [bodyParagraph(s.heading, "heading2"), ...content(s.content)]),
        bodyParagraph(doc.closing, "body", false),
      ],
    }],
  });
  return Packer.toBuffer(document, false, [{ path: "word/styles.xml", data: stylesXml() }]);
}

function content(c: NoticeContent): (Paragraph | Table)[] {
  if (c.kind === "sentence") return [bodyParagraph(c.text)];
  // Widths from the widest text of each column: values, dates and names never wrap; 指标 and 任务 share the rest.
  const widths = columnWidths(c.columns, c.rows);
  const cell = (text: string, i: number, header: boolean) => new TableCell({
    width: { size: widths[i]!, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 15, bottom: 15, left: 60, right: 60 },
    children: [smallParagraph(text, {
      size: CELL_SIZE, line: CELL_LINE, keepNext: header, eastAsia: header ? "heading1" : "body",
      align: !header && c.textColumns.includes(i) ? "left" : "center",
    })],
  });
  const row = (texts: string[], header: boolean) => new TableRow({ tableHeader: header, children: widths.map((_, i) => cell(texts[i] ?? "", i, header)) });
  const table = new Table({
    width: { size: TYPE_AREA.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [row(c.columns, true), ...c.rows.map((r) => row(r, false))],
  });
  return c.note ? [table, smallParagraph(`注：${c.note}`, { size: CELL_SIZE, line: CELL_LINE + 48, align: "left" })] : [table];
}

/**
 * The departments' lists in one zip, each under its Chinese name: UTF-8 with the language-encoding flag (bit 11), which
 * Windows, 7-Zip, WinRAR and Python read. Made "on Unix" (mode 0644): Info-ZIP unzip re-encodes the names of entries made
 * on MS-DOS, fflate's default, even when they are flagged UTF-8.
 */
export function zipDepartmentNotices(files: { name: string; docx: Buffer }[]): Buffer {
  const entries: Zippable = {};
  for (const f of files) {
    let name = f.name;
    for (let n = 2; name in entries; n++) name = f.name.replace(/\.docx$/, `（${n}）.docx`);
    // A .docx is deflated already: stored as it is.
    entries[name] = [new Uint8Array(f.docx), { level: 0, os: 3, attrs: 0o100644 * 0x10000, mtime: chinaWallClock() }];
  }
  return Buffer.from(zipSync(entries));
}

/** Now as a Date whose local fields read China time: zip times are wall-clock times, and the server may run on UTC. */
function chinaWallClock(now = new Date()): Date {
  return new Date(now.getTime() + (now.getTimezoneOffset() + 8 * 60) * 60_000);
}
