/**
 * .xlsx → tables, read from the package's own XML with fflate (as docx.ts reads Word): every visible
 * worksheet in tab order becomes one grid, merged ranges (<mergeCell>) spread the way table.ts expects —
 * the cells below the top-left one `continued`, those to its right `spanned`. Rows above a 任务分解表's
 * header (the sheet's title, "附件1", 填报单位) become lines of their own. Cells show what Excel shows: shared
 * and inline strings without their phonetic guides, dates by their number format, percentages.
 */
import type { Block, TableCell } from "./blocks";
import { FileReadError, relationships, relationshipsById, relsPathOf, resolvePart, unzipParts, utf8 } from "./package";
import { findHeader } from "./table";
import { tokenize } from "./xml";

export const XLSX_BROKEN = "无法打开这个 Excel 文件（文件可能已损坏或不完整）：请在 Excel 或 WPS 中打开后重新“另存为” .xlsx 再上传。";
const XLSX_TOO_LARGE = "这个 Excel 文件过大，无法读取：请只保留任务分解表所在的工作表，另存为 .xlsx 后再上传。";
export const XLSB_REFUSED = "这是 Excel 二进制工作簿（.xlsb），无法直接读取：请在 Excel 中“另存为” .xlsx 后上传，或把全文复制粘贴到上面的文本框。";
export const XLSX_NO_SHEETS = "这个 Excel 文件里没有可以读取的工作表（只有图表、隐藏的表或为空）：请检查文件后重新上传，或把全文复制粘贴到上面的文本框。";
const MESSAGES = { broken: XLSX_BROKEN, tooLarge: XLSX_TOO_LARGE };

/** A work plan's table has hundreds of cells; far more means a data dump, not a plan. */
const MAX_CELLS = 500_000;
/** How far down a sheet its table's header may start (below a title, a 附件 label, a 填报单位 line, blank rows). */
const HEADER_WITHIN = 10;

const local = (name: string) => name.slice(name.indexOf(":") + 1);

/** OOXML escapes characters XML cannot hold as _xHHHH_ (Excel writes a cell's \r as _x000D_). */
function unescapeText(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\r\n?/g, "\n");
}

/**
 * The text of string items (<si> in sharedStrings.xml, <is> in a cell): their <t> runs, without <rPh>
 * (phonetic guides Excel stores beside the text, never shown in the cell).
 */
function readSharedStrings(xml: string | undefined): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let text: string | null = null;
  let inT = false;
  let phonetic = 0;
  for (const t of tokenize(xml)) {
    if (t.type === "text") {
      if (text !== null && inT && phonetic === 0) text += t.text;
      continue;
    }
    const name = local(t.name);
    if (t.type === "open") {
      if (name === "si") text = "";
      else if (name === "t") inT = !t.selfClosing;
      else if (name === "rPh" && !t.selfClosing) phonetic++;
      if (name === "si" && t.selfClosing) out.push("");
      continue;
    }
    if (name === "t") inT = false;
    else if (name === "rPh") phonetic = Math.max(0, phonetic - 1);
    else if (name === "si" && text !== null) {
      out.push(unescapeText(text));
      text = null;
    }
  }
  return out;
}

type DateParts = "ymd" | "ym" | "md";
type Shown = { kind: "date"; parts: DateParts } | { kind: "percent" } | null;

// Built-in formats that show dates (ECMA-376 §18.8.30 and the zh-CN ids 27–58), by what they show.
const BUILTIN: Record<number, Shown> = {};
for (const id of [14, 15, 22, 30, 31]) BUILTIN[id] = { kind: "date", parts: "ymd" };
for (const id of [17, 27, 36, 50, 52, 57]) BUILTIN[id] = { kind: "date", parts: "ym" };
for (const id of [16, 28, 29, 51, 53, 54, 58]) BUILTIN[id] = { kind: "date", parts: "md" };
for (const id of [9, 10]) BUILTIN[id] = { kind: "percent" };

/** What a custom format code shows a number as: a date (which parts), a percentage, or the number. */
function shownBy(code: string): Shown {
  const f = (code.split(";")[0] ?? "").replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "").replace(/General/gi, "");
  const y = /y|e/i.test(f);
  const d = /d/i.test(f);
  // m is a month only without hours or seconds beside it (h:mm, mm:ss are minutes).
  const time = /[hs]/i.test(f);
  if (time) return null;
  const m = /m/i.test(f);
  if (y || d || m) return { kind: "date", parts: y && d ? "ymd" : y ? "ym" : "md" };
  return f.includes("%") ? { kind: "percent" } : null;
}

/** Per cell style index (the s="…" of a cell): what the style's number format shows. */
function readStyles(xml: string | undefined): Shown[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const out: Shown[] = [];
  let inCellXfs = false;
  for (const t of tokenize(xml)) {
    if (t.type === "text") continue;
    const name = local(t.name);
    if (t.type === "close") {
      if (name === "cellXfs") inCellXfs = false;
      continue;
    }
    if (name === "numFmt") custom.set(Number(t.attrs.numFmtId), t.attrs.formatCode ?? "");
    else if (name === "cellXfs") inCellXfs = !t.selfClosing;
    else if (name === "xf" && inCellXfs) {
      const id = Number(t.attrs.numFmtId ?? 0);
      const code = custom.get(id);
      out.push(code !== undefined ? shownBy(code) : (BUILTIN[id] ?? null));
    }
  }
  return out;
}

/** A number as Excel's General format shows it: no float noise (0.30000000000000004 → 0.3). */
const numberText = (n: number) => String(Number(n.toPrecision(15)));

function dateText(y: number, m: number, d: number, parts: DateParts): string {
  if (parts === "ym") return `${y}年${m}月`;
  if (parts === "md") return `${m}月${d}日`;
  return `${y}年${m}月${d}日`;
}

/** An Excel date serial → the calendar day (1900 system, with its phantom 1900-02-29, or the 1904 system). */
function serialDay(serial: number, date1904: boolean): Date {
  const days = Math.floor(serial);
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days < 60 ? 31 : 30);
  return new Date(base + days * 86_400_000);
}

function shownText(value: string, shown: Shown, date1904: boolean): string {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) return value;
  if (shown?.kind === "percent") return `${numberText(n * 100)}%`;
  if (shown?.kind === "date" && n >= 1 && n < 2_958_466) {
    const day = serialDay(n, date1904);
    return dateText(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), shown.parts);
  }
  return numberText(n);
}

function columnIndex(ref: string): number {
  let col = 0;
  for (const ch of ref.toUpperCase().match(/^[A-Z]+/)?.[0] ?? "") col = col * 26 + ch.charCodeAt(0) - 64;
  return col;
}

function parseRef(ref: string): { row: number; col: number } | null {
  const m = ref.match(/^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/);
  return m ? { col: columnIndex(m[1]!), row: Number(m[2]) } : null;
}

interface Sheet {
  /** Row → column → text, only cells that show something. */
  cells: Map<number, Map<number, string>>;
  merges: { r1: number; c1: number; r2: number; c2: number }[];
}

function readSheet(xml: string, strings: string[], styles: Shown[], date1904: boolean): Sheet {
  const sheet: Sheet = { cells: new Map(), merges: [] };
  let count = 0;
  let row = 0;
  let col = 0;
  let cell: { type: string; style: number; value: string; inline: string } | null = null;
  let inValue = false;
  let inlineText = false;
  let phonetic = 0;
  for (const t of tokenize(xml)) {
    if (t.type === "text") {
      if (cell && inValue) cell.value += t.text;
      else if (cell && inlineText && phonetic === 0) cell.inline += t.text;
      continue;
    }
    const name = local(t.name);
    if (t.type === "open") {
      if (name === "row") {
        row = Number(t.attrs.r) || row + 1;
        col = 0;
      } else if (name === "c") {
        col = (t.attrs.r ? parseRef(t.attrs.r)?.col : undefined) ?? col + 1;
        cell = t.selfClosing ? null : { type: t.attrs.t ?? "n", style: Number(t.attrs.s ?? 0), value: "", inline: "" };
      } else if (name === "v") inValue = !t.selfClosing;
      else if (name === "t" && cell) inlineText = !t.selfClosing;
      else if (name === "rPh" && !t.selfClosing) phonetic++;
      else if (name === "mergeCell" && t.attrs.ref) {
        const [a, b] = t.attrs.ref.split(":").map(parseRef);
        if (a && b) sheet.merges.push({ r1: Math.min(a.row, b.row), c1: Math.min(a.col, b.col), r2: Math.max(a.row, b.row), c2: Math.max(a.col, b.col) });
      }
      continue;
    }
    if (name === "v") inValue = false;
    else if (name === "t") inlineText = false;
    else if (name === "rPh") phonetic = Math.max(0, phonetic - 1);
    else if (name === "c" && cell) {
      const text = cellText(cell, strings, styles, date1904).trim();
      if (text !== "") {
        if (++count > MAX_CELLS) throw new FileReadError(XLSX_TOO_LARGE);
        if (!sheet.cells.has(row)) sheet.cells.set(row, new Map());
        sheet.cells.get(row)!.set(col, text);
      }
      cell = null;
    }
  }
  return sheet;
}

function cellText(cell: { type: string; style: number; value: string; inline: string }, strings: string[], styles: Shown[], date1904: boolean): string {
  switch (cell.type) {
    case "s":
      return strings[Number(cell.value)] ?? "";
    case "inlineStr":
      return unescapeText(cell.inline);
    case "str":
      return unescapeText(cell.value);
    case "b":
      return cell.value.trim() === "1" ? "TRUE" : "FALSE";
    case "e":
      // #N/A, #REF!: a broken formula shows nothing a plan means.
      return "";
    case "d": {
      const m = cell.value.match(/^(\d{4})-(\d{2})-(\d{2})/);
      const shown = styles[cell.style];
      return m ? dateText(Number(m[1]), Number(m[2]), Number(m[3]), shown?.kind === "date" ? shown.parts : "ymd") : cell.value;
    }
    default:
      return shownText(cell.value, styles[cell.style] ?? null, date1904);
  }
}

/**
 * A sheet → a grid over the rows and columns that show something (blank rows and columns, however
 * formatted, drop out). A merged range's top-left text stands in every cell it covers, marked as table.ts
 * expects: below it continued, right of it spanned.
 */
export function sheetGrid(sheet: Sheet): TableCell[][] {
  const rows = [...sheet.cells.keys()].sort((a, b) => a - b);
  const cols = [...new Set([...sheet.cells.values()].flatMap((r) => [...r.keys()]))].sort((a, b) => a - b);
  if (rows.length * cols.length > MAX_CELLS) throw new FileReadError(XLSX_TOO_LARGE);
  const rowAt = new Map(rows.map((r, i) => [r, i]));
  const colAt = new Map(cols.map((c, i) => [c, i]));
  const grid: TableCell[][] = rows.map((r) => cols.map((c) => ({ text: sheet.cells.get(r)?.get(c) ?? "" })));
  for (const m of sheet.merges) {
    const text = sheet.cells.get(m.r1)?.get(m.c1) ?? "";
    for (const r of rows) {
      if (r < m.r1 || r > m.r2) continue;
      for (const c of cols) {
        if (c < m.c1 || c > m.c2 || (r === m.r1 && c === m.c1)) continue;
        grid[rowAt.get(r)!]![colAt.get(c)!] = { text, ...(r > m.r1 ? { continued: true } : {}), ...(c > m.c1 ? { spanned: true } : {}) };
      }
    }
  }
  return grid;
}

/** A sheet's grid → blocks: the lines above its task table's header, then the table (any other table whole). */
export function sheetBlocks(grid: TableCell[][]): Block[] {
  if (grid.length === 0) return [];
  for (let k = 0; k < Math.min(HEADER_WITHIN, grid.length); k++) {
    if (findHeader(grid.slice(k, k + 2))?.at !== 0) continue;
    const above: Block[] = grid.slice(0, k).flatMap((row) => row.filter((c) => !c.continued && !c.spanned && c.text !== "").map((c) => ({ kind: "text" as const, text: c.text })));
    return [...above, { kind: "table", rows: grid.slice(k) }];
  }
  return [{ kind: "table", rows: grid }];
}

/** Reads an .xlsx package into blocks, sheet after sheet. Throws FileReadError (in Chinese) when it cannot. */
export function readXlsx(bytes: Uint8Array): Block[] {
  const text = (parts: Record<string, Uint8Array>, path: string | null) => (path && parts[path] ? utf8.decode(parts[path]) : undefined);
  const root = unzipParts(bytes, (n) => n === "_rels/.rels", MESSAGES);
  const bookPath = resolvePart("", relationships(text(root, "_rels/.rels")).get("officeDocument") ?? "xl/workbook.xml");
  if (/\.bin$/i.test(bookPath)) throw new FileReadError(XLSB_REFUSED);
  const bookRelsPath = relsPathOf(bookPath);
  const book = unzipParts(bytes, (n) => n === bookPath || n === bookRelsPath, MESSAGES);
  const bookXml = text(book, bookPath);
  if (bookXml === undefined || !/<(?:[\w.-]+:)?workbook[\s>]/.test(bookXml)) throw new FileReadError(XLSX_BROKEN);
  const rels = relationshipsById(text(book, bookRelsPath));
  const partOf = (type: string) => [...rels.values()].find((r) => r.type === type);
  const sheets: string[] = [];
  let date1904 = false;
  for (const t of tokenize(bookXml)) {
    if (t.type !== "open") continue;
    const name = local(t.name);
    if (name === "workbookPr") date1904 = ["1", "true"].includes(t.attrs.date1904 ?? "");
    if (name !== "sheet" || t.attrs.state === "hidden" || t.attrs.state === "veryHidden") continue;
    // Hidden sheets hold lookup lists (units for a drop-down), not the plan; chart sheets hold no cells.
    const id = Object.entries(t.attrs).find(([k]) => local(k) === "id")?.[1];
    const rel = id ? rels.get(id) : undefined;
    if (rel?.type === "worksheet") sheets.push(resolvePart(bookPath, rel.target));
  }
  if (sheets.length === 0) throw new FileReadError(XLSX_NO_SHEETS);
  const stringsPath = partOf("sharedStrings") ? resolvePart(bookPath, partOf("sharedStrings")!.target) : null;
  const stylesPath = partOf("styles") ? resolvePart(bookPath, partOf("styles")!.target) : null;
  const parts = unzipParts(bytes, (n) => sheets.includes(n) || n === stringsPath || n === stylesPath, MESSAGES);
  const strings = readSharedStrings(text(parts, stringsPath));
  const styles = readStyles(text(parts, stylesPath));
  return sheets.flatMap((path) => {
    const xml = text(parts, path);
    return xml === undefined ? [] : sheetBlocks(sheetGrid(readSheet(xml, strings, styles, date1904)));
  });
}
