/**
 * A text PDF → paragraphs and tables, from the positioned text pdf.js (through unpdf) finds on each page.
 *
 * Printed lines become text lines (the reader joins a sentence broken across lines). A 任务分解表 is found
 * by its header row (序号, 工作任务, 牵头单位, …) and read cell by cell: producers (Word, WPS, LibreOffice)
 * write a table's text cell after cell, row after row, each merged cell once in the row it starts, so a
 * run of text is one cell, its column is where it starts under the header, and a cell further left than
 * the one before starts a new row. A page with (almost) no text is a scan: the file is refused.
 */
import { extractTextItems } from "unpdf";
import { MARKER, isHeadingLike, isNoise, normaliseLine } from "../normalise";
import type { Block, TableCell } from "./blocks";
import { FileReadError } from "./package";
import { dropPageFurniture } from "./pdf-furniture";
import { columnOf, type Column } from "./table";

export const PDF_SCANNED = "这个 PDF 没有可以读取的文字（可能是扫描件或图片）：请提供文字版 PDF 或 .docx 文件，或把全文复制粘贴到上面的文本框。";
export const PDF_PARTLY_SCANNED = (pages: number, text: number) =>
  `这个 PDF 共 ${pages} 页，只有 ${text} 页带文字，其余可能是扫描的图片：请提供文字版 PDF 或 .docx 文件，或把全文复制粘贴到上面的文本框。`;
export const PDF_ENCRYPTED = "这个 PDF 设置了密码，无法读取：请提供未加密的文件，或把全文复制粘贴到上面的文本框。";
export const PDF_BROKEN = "无法打开这个 PDF 文件（文件可能已损坏）：请重新导出 PDF，或提供 .docx 文件。";

/** A page with fewer readable characters than this has no text layer worth the name. */
const MIN_PAGE_CHARS = 25;

export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

interface Frag {
  text: string;
  x: number;
  x2: number;
  y: number;
  size: number;
  page: number;
}

interface TextBlock {
  lines: Frag[][];
  minX: number;
  maxX: number;
  top: number;
  bottom: number;
  page: number;
  size: number;
}

const LATIN = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;

/** Items → runs of text on one line without a gap (a gap of a character or more ends a run). */
function fragments(pages: PdfItem[][]): Frag[] {
  const out: Frag[] = [];
  pages.forEach((items, page) => {
    let cur: Frag | null = null;
    let space = false;
    for (const item of items) {
      const size = item.fontSize > 0 ? item.fontSize : 10;
      if (item.str.trim() === "") {
        space = space || item.str.length > 0;
        continue;
      }
      const gap = cur ? item.x - cur.x2 : 0;
      if (cur && Math.abs(item.y - cur.y) < 0.3 * size && gap > -0.5 * size && gap < 0.8 * size) {
        const text = item.str.replace(/^\s+/, "");
        cur.text += (space || gap > 0.2 * size) && LATIN.test(cur.text) && LATIN_START.test(text) ? ` ${text}` : text;
        cur.x2 = Math.max(cur.x2, item.x + item.width);
      } else {
        cur = { text: item.str.trim(), x: item.x, x2: item.x + item.width, y: item.y, size, page };
        out.push(cur);
      }
      cur.text = cur.text.replace(/\s+$/, "");
      space = /\s$/.test(item.str);
    }
  });
  return out;
}

/** The usual distance between printed lines: the most common step down between runs that start at one x. */
function linePitch(frags: Frag[], from: number): number | null {
  const counts = new Map<number, number>();
  for (let i = from + 1; i < frags.length && i < from + 4000; i++) {
    const a = frags[i - 1]!;
    const b = frags[i]!;
    const down = a.y - b.y;
    if (a.page === b.page && Math.abs(a.x - b.x) < 1 && down > 0.8 * b.size && down < 2 * b.size) {
      const key = Math.round(down * 10) / 10;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return best ? best[0] : null;
}

/**
 * Runs → table cells. A run goes on the cell before it on the same line, or on the next line in the same
 * column — unless it steps down further than a line (the border and padding of a new row) or the cell
 * runs across columns (a heading row: the next line is a cell of its own).
 */
function blocksOf(frags: Frag[], from: number, columnAt: (x: number) => number, spans: (b: { minX: number; maxX: number }) => number): (TextBlock & { at: number })[] {
  const pitch = linePitch(frags, from);
  const blocks: (TextBlock & { at: number })[] = [];
  let cur: (TextBlock & { at: number }) | null = null;
  for (let i = from; i < frags.length; i++) {
    const f = frags[i]!;
    const line = cur?.lines.at(-1);
    const last = line?.at(-1);
    let joins = false;
    if (cur && last && f.page === cur.page) {
      const sameLine = Math.abs(f.y - last.y) < 0.5 * f.size;
      const down = line![0]!.y - f.y;
      if (sameLine) joins = f.x >= last.x2 - 0.5 * f.size && f.x - last.x2 < 1.0 * f.size;
      else {
        joins = down > 0.5 * f.size && down < 2.2 * f.size && (pitch === null || down <= pitch + 0.25)
          && columnAt(f.x) === columnAt(cur.minX) && spans(cur) === 1 && spans({ minX: f.x, maxX: f.x2 }) === 1;
      }
    }
    if (joins && cur) {
      if (Math.abs(f.y - last!.y) < 0.5 * f.size) line!.push(f);
      else cur.lines.push([f]);
      cur.minX = Math.min(cur.minX, f.x);
      cur.maxX = Math.max(cur.maxX, f.x2);
      cur.bottom = Math.min(cur.bottom, f.y);
    } else {
      cur = { lines: [[f]], minX: f.x, maxX: f.x2, top: f.y, bottom: f.y, page: f.page, size: f.size, at: i };
      blocks.push(cur);
    }
  }
  return blocks;
}

function lineText(line: Frag[]): string {
  let out = "";
  for (const f of line) out += out !== "" && LATIN.test(out) && LATIN_START.test(f.text) ? ` ${f.text}` : f.text;
  return out;
}

function blockText(b: TextBlock): string {
  return b.lines.map(lineText).join("\n");
}


interface HeaderColumn {
  minX: number;
  maxX: number;
  frags: Frag[];
  top: number;
  bottom: number;
}

/**
 * Header cells are short names; a caption above the table ("附件：任务分解表", "一、重点任务") is not one. A longer
 * one in a wide column is a label when it names a column: "责任单位（排第一位的为牵头单位）".
 */
function isLabel(text: string): boolean {
  const t = normaliseLine(text);
  if (t.length === 0 || /[:。;]|^附[件表]|表$|清单$/.test(t) || MARKER.test(t)) return false;
  return t.length <= 10 || (t.length <= 16 && columnOf(t).role !== null);
}

const CHINESE_MARKER = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/;

const columnLabel = (c: HeaderColumn) => [...c.frags].sort((a, b) => b.y - a.y || a.x - b.x).map((f) => f.text).join("");

/**
 * One header row from frags[i]: short labels cell after cell, left to right (a label may wrap onto more
 * lines: 牵头 / 单位). Ends where the text goes back left (the next row) or leaves the band.
 */
function headerRow(frags: Frag[], i: number): { columns: HeaderColumn[]; next: number } {
  const first = frags[i]!;
  const columns: HeaderColumn[] = [];
  let j = i;
  for (; j < frags.length; j++) {
    const f = frags[j]!;
    if (f.page !== first.page || !isLabel(f.text)) break;
    if (f.y > first.y + 1.5 * f.size || f.y < first.y - 4 * f.size) break;
    const col = columns.at(-1);
    if (col && f.x < col.maxX + 0.5 * f.size && f.x2 > col.minX - 0.5 * f.size) {
      col.frags.push(f);
      col.minX = Math.min(col.minX, f.x);
      col.maxX = Math.max(col.maxX, f.x2);
      col.top = Math.max(col.top, f.y);
      col.bottom = Math.min(col.bottom, f.y);
    } else if (!col || f.x >= col.maxX) {
      columns.push({ minX: f.x, maxX: f.x2, frags: [f], top: f.y, bottom: f.y });
    } else break;
  }
  return { columns, next: j };
}

interface Header {
  /** Leaf header columns, left to right. */
  cells: HeaderColumn[];
  columns: Column[];
  /** Index of the first frag after the header. */
  next: number;
}

/** A task table's header starting at frags[i]: it names a task (or measure) and a unit. */
function headerAt(frags: Frag[], i: number): Header | null {
  const top = headerRow(frags, i);
  if (top.columns.length < 3) return null;
  // A short title just above the table lines up with its first column; a header's own first line has labels
  // side by side.
  const y = frags[i]!.y;
  if (top.columns.filter((c) => c.frags.some((f) => Math.abs(f.y - y) < 0.5 * f.size)).length < 2) return null;
  let cells = top.columns;
  let next = top.next;
  // A second header row under a spanning label (责任单位 over 牵头单位 | 配合单位).
  const sub = next < frags.length ? headerRow(frags, next) : null;
  if (sub && sub.columns.length >= 2 && sub.columns.every((c) => columnOf(columnLabel(c)).role !== null)) {
    const parent = cells.findIndex((p) => sub.columns.every((c) => c.minX >= p.minX - frags[next]!.size && c.maxX <= p.maxX + 4 * frags[next]!.size && c.top < p.bottom));
    if (parent >= 0) {
      cells = [...cells.slice(0, parent), ...sub.columns, ...cells.slice(parent + 1)];
      next = sub.next;
    }
  }
  const columns = cells.map((c) => columnOf(columnLabel(c)));
  const roles = new Set(columns.map((c) => c.role));
  if (!(roles.has("task") || roles.has("measure")) || !(roles.has("lead") || roles.has("units"))) return null;
  return { cells, columns, next };
}

/** Reads a task table from the frags after its header; returns its rows (header first) and the frag it ended at. */
function readTable(frags: Frag[], header: Header): { rows: TableCell[][]; end: number } {
  const { cells } = header;
  const n = cells.length;
  const size = cells[0]!.frags[0]!.size;
  const left = Math.min(...cells.map((c) => c.minX));
  // A cell belongs to the column whose header ends left of where the cell starts (a header sits inside its
  // column, so the next column cannot start before it ends).
  const columnAt = (x: number) => {
    let col = 0;
    for (let k = 1; k < n; k++) if (x >= cells[k - 1]!.maxX - 0.5 * size) col = k;
    return col;
  };
  const labels = cells.map(columnLabel);
  const roles = header.columns.map((c) => c.role);
  // A row goes on only with a cell that belongs to a row: its number, task or measure.
  const rowColumns = new Set(roles.flatMap((r, k) => (r === "number" || r === "task" || r === "measure" ? [k] : [])));
  const rows: { cells: TableCell[]; at: number; page: number; band: boolean }[] = [];
  // How many columns a block runs across.
  const spans = (b: { minX: number; maxX: number }) => {
    const col = columnAt(b.minX);
    let span = 1;
    while (col + span < n && b.maxX > cells[col + span]!.minX + size) span++;
    return span;
  };
  const blocks = blocksOf(frags, header.next, columnAt, spans);
  // After a page break the first row may be the one the break cut in two: its cells go on.
  let continuing = false;
  let row: (typeof rows)[number] | null = null;
  let lastCol = n;
  let page = cells[0]!.frags[0]!.page;
  let end = frags.length;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const text = blockText(b);
    const flat = normaliseLine(text.replace(/\n/g, ""));
    if (isNoise(flat)) continue;
    // The header again at the top of a new page.
    if (b.page !== page) {
      const again = headerRow(frags, b.at);
      if (again.columns.length === n && again.columns.every((c, k) => columnLabel(c) === labels[k])) {
        while (i + 1 < blocks.length && blocks[i + 1]!.at < again.next) i++;
        page = b.page;
        continuing = true;
        lastCol = -1;
        continue;
      }
      continuing = true;
      lastCol = -1;
    }
    const col = columnAt(b.minX);
    // A block across the table is a heading row ("（一）信用监管"), or text after the table.
    const span = spans(b);
    const band = isHeadingLike(flat) && CHINESE_MARKER.test(flat);
    // Text after the table: prose or a signature across it, text left of it, the next 附件.
    if (b.minX < left - 2 * b.size || (span > 1 && !band) || /^附[件表]\d*(?:[:]|$)/.test(flat)) {
      end = b.at;
      break;
    }
    // A number starts a row even right after a page break (a number is never cut in two).
    if (continuing && (band || col <= lastCol || roles[col] === "number")) continuing = false;
    if (continuing && row) {
      const cell = row.cells[col]!;
      row.cells[col] = { text: cell.text === "" ? text : `${cell.text}\n${text}`, wrapped: true };
      lastCol = col;
      page = b.page;
      continue;
    }
    if (row === null || col <= lastCol || band) {
      row = { cells: Array.from({ length: n }, () => ({ text: "", wrapped: true })), at: b.at, page: b.page, band };
      rows.push(row);
    }
    if (band) {
      // A heading centred in its merged row lands under any column: it heads the row. Its number may stand
      // apart from its words ("三、<tab>保障措施").
      let heading = text;
      let stop = -1;
      const next = blocks[i + 1];
      if (next && next.page === b.page && b.lines.length === 1 && Math.abs(next.top - b.top) < 0.5 * b.size) {
        heading += lineText(next.lines[0]!);
        // Its words run on into a paragraph under it: the table ended with the heading.
        if (next.lines.length > 1) stop = next.at + next.lines[0]!.length;
        i++;
      }
      row.cells[0] = { text: heading, wrapped: true };
      for (let k = 1; k < n; k++) row.cells[k] = { text: heading, wrapped: true, spanned: true };
      row = null;
      lastCol = n;
      if (stop >= 0) {
        end = stop;
        break;
      }
    } else {
      row.cells[col] = { text, wrapped: true };
      for (let k = 1; k < span; k++) row.cells[col + k] = { text, wrapped: true, spanned: true };
      lastCol = col + span - 1;
    }
    page = b.page;
  }
  // A row with nothing in its number, task or measure columns on the page of the row before is not part of
  // the table (a signature or date printed under it); a row broken by a page goes on.
  const cut = rows.findIndex((r, k) => k > 0 && !r.band && r.page === rows[k - 1]!.page && rowColumns.size > 0
    && ![...rowColumns].some((c) => r.cells[c]!.text.trim() !== "" && !r.cells[c]!.spanned));
  if (cut > 0) {
    end = rows[cut]!.at;
    rows.length = cut;
  }
  return { rows: [labels.map((text) => ({ text, wrapped: true })), ...rows.map((r) => r.cells)], end };
}

/** Positioned text of a PDF's pages → blocks: printed lines, and task tables. */
export function pdfBlocks(pages: PdfItem[][]): Block[] {
  const frags = fragments(dropPageFurniture(pages));
  const out: Block[] = [];
  let line: Frag[] = [];
  const flush = () => {
    if (line.length > 0) out.push({ kind: "text", text: lineText(line) });
    line = [];
  };
  for (let i = 0; i < frags.length; ) {
    const f = frags[i]!;
    const header = isLabel(f.text) ? headerAt(frags, i) : null;
    if (header) {
      flush();
      const { rows, end } = readTable(frags, header);
      out.push({ kind: "table", rows });
      i = end;
      continue;
    }
    // Runs on one printed line ("1." and "加强…" with a tab between) make one line.
    const last = line.at(-1);
    if (last && (last.page !== f.page || Math.abs(last.y - f.y) >= 0.5 * f.size)) flush();
    line.push(f);
    i++;
  }
  flush();
  return out;
}

function readableChars(items: PdfItem[]): number {
  return items.reduce((n, item) => n + (item.str.match(/[\p{Script=Han}A-Za-z0-9]/gu)?.length ?? 0), 0);
}

/** Reads a PDF's text. Throws FileReadError (in Chinese) for scans, encrypted and broken files. */
export async function readPdf(bytes: Uint8Array): Promise<Block[]> {
  let pages: PdfItem[][];
  try {
    // pdf.js takes the buffer over; hand it a copy.
    pages = (await extractTextItems(bytes.slice())).items;
  } catch (err) {
    if ((err as { name?: string })?.name === "PasswordException") throw new FileReadError(PDF_ENCRYPTED);
    throw new FileReadError(PDF_BROKEN);
  }
  const withText = pages.filter((items) => readableChars(items) >= MIN_PAGE_CHARS).length;
  if (withText === 0) throw new FileReadError(PDF_SCANNED);
  if (withText < pages.length / 2) throw new FileReadError(PDF_PARTLY_SCANNED(pages.length, withText));
  return pdfBlocks(pages);
}
