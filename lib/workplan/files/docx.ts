/**
 * .docx → paragraphs and tables, read from the package's own XML (word/document.xml, numbering.xml,
 * styles.xml) with fflate. Kept: every paragraph's text with the label Word's automatic numbering shows
 * ("一、", "（一）", "1."), tables cell by cell with their merges (w:gridSpan across, w:vMerge down) and
 * tables inside cells flattened into the cell. Left out: deleted and moved-away text (tracked changes),
 * hidden text, field codes, pictures, text boxes, headers and footers.
 */
import type { Block, TableCell } from "./blocks";
import { NumberingCounter, readNumbering } from "./numbering";
import { FileReadError, relationships, relsPathOf, resolvePart, unzipParts, utf8 } from "./package";
import { tokenize } from "./xml";

export { FileReadError } from "./package";

const W_NAMESPACES = ["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"];
const MC_NAMESPACE = "http://schemas.openxmlformats.org/markup-compatibility/2006";

export const DOCX_BROKEN = "无法打开这个 Word 文件（文件可能已损坏或不完整）：请在 Word 或 WPS 中打开后重新“另存为” .docx 再上传，或复制全文粘贴。";
const DOCX_TOO_LARGE = "这个 Word 文件展开后过大，无法读取：请只保留工作要点正文和任务分解表后另存为 .docx 再上传。";
const MESSAGES = { broken: DOCX_BROKEN, tooLarge: DOCX_TOO_LARGE };

/** The prefixes the document binds to WordprocessingML and to markup compatibility. */
function prefixes(xml: string): { w: string; mc: string } {
  const head = xml.slice(0, 20_000);
  let w = "w";
  let mc = "mc";
  for (const m of head.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']+)["']/g)) {
    if (W_NAMESPACES.includes(m[2]!)) w = m[1]!;
    if (m[2] === MC_NAMESPACE) mc = m[1]!;
  }
  return { w, mc };
}

interface StyleNumbering {
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
}

function readStyles(xml: string | null, w: string): Map<string, StyleNumbering> {
  const styles = new Map<string, StyleNumbering>();
  if (xml === null) return styles;
  let current: StyleNumbering | null = null;
  let inPPr = false;
  for (const t of tokenize(xml)) {
    if (t.type === "close") {
      if (t.name === `${w}:style`) current = null;
      if (t.name === `${w}:pPr`) inPPr = false;
      continue;
    }
    if (t.type !== "open") continue;
    const val = t.attrs[`${w}:val`];
    if (t.name === `${w}:style`) {
      current = t.attrs[`${w}:type`] === "paragraph" || t.attrs[`${w}:type`] === undefined ? { basedOn: null, numId: null, ilvl: null } : null;
      if (current && !t.selfClosing) styles.set(t.attrs[`${w}:styleId`] ?? "", current);
    } else if (current && t.name === `${w}:basedOn`) current.basedOn = val ?? null;
    else if (current && t.name === `${w}:pPr` && !t.selfClosing) inPPr = true;
    else if (current && inPPr && t.name === `${w}:numId`) current.numId = val ?? null;
    else if (current && inPPr && t.name === `${w}:ilvl`) current.ilvl = Number(val ?? 0);
  }
  return styles;
}

interface RawCell {
  paragraphs: string[];
  span: number;
  vMerge: "restart" | "continue" | null;
  hMerge: boolean;
}

interface RawTable {
  rows: { cells: RawCell[]; before: number }[];
  row: { cells: RawCell[]; before: number } | null;
  cell: RawCell | null;
  deletedRow: boolean;
}

/** Rows of raw cells → a grid: a merged cell's text stands in every grid cell it covers, marked. */
export function toGrid(rows: { cells: RawCell[]; before: number }[]): TableCell[][] {
  const grid: TableCell[][] = [];
  for (const row of rows) {
    const out: TableCell[] = Array.from({ length: row.before }, () => ({ text: "" }));
    for (const cell of row.cells) {
      const col = out.length;
      const above = grid.at(-1)?.[col];
      const text = cell.paragraphs.join("\n");
      let first: TableCell;
      if (cell.vMerge === "continue" && above) first = { text: above.text, continued: true };
      else if (cell.hMerge && out.length > 0) first = { text: out.at(-1)!.text, spanned: true };
      else first = { text };
      out.push(first);
      for (let k = 1; k < cell.span; k++) out.push({ text: first.text, spanned: true, ...(first.continued ? { continued: true } : {}) });
    }
    grid.push(out);
  }
  const width = Math.max(0, ...grid.map((r) => r.length));
  for (const row of grid) while (row.length < width) row.push({ text: "" });
  return grid;
}

/** Reads a .docx package into blocks. Throws FileReadError (with a Chinese message) when it cannot. */
export function readDocx(bytes: Uint8Array): Block[] {
  const rels = unzipParts(bytes, (n) => n === "_rels/.rels", MESSAGES);
  const mainPath = resolvePart("", relationships(rels["_rels/.rels"] ? utf8.decode(rels["_rels/.rels"]) : undefined).get("officeDocument") ?? "word/document.xml");
  const mainRelsPath = relsPathOf(mainPath);
  const first = unzipParts(bytes, (n) => n === mainPath || n === mainRelsPath, MESSAGES);
  if (!first[mainPath]) throw new FileReadError(DOCX_BROKEN);
  const partRels = relationships(first[mainRelsPath] ? utf8.decode(first[mainRelsPath]) : undefined);
  const numberingPath = partRels.has("numbering") ? resolvePart(mainPath, partRels.get("numbering")!) : null;
  const stylesPath = partRels.has("styles") ? resolvePart(mainPath, partRels.get("styles")!) : null;
  const more = unzipParts(bytes, (n) => n === numberingPath || n === stylesPath, MESSAGES);
  const xml = utf8.decode(first[mainPath]);
  const { w, mc } = prefixes(xml);
  const numbering = new NumberingCounter(readNumbering(numberingPath && more[numberingPath] ? utf8.decode(more[numberingPath]) : null, w));
  const styles = readStyles(stylesPath && more[stylesPath] ? utf8.decode(more[stylesPath]) : null, w);
  return readDocumentXml(xml, w, mc, numbering, styles);
}

const SKIPPED = ["mc:Fallback", "w:moveFrom", "w:drawing", "w:pict", "w:object", "w:del", "w:footnoteReference", "w:endnoteReference", "w:commentReference"];

function readDocumentXml(xml: string, w: string, mc: string, numbering: NumberingCounter, styles: Map<string, StyleNumbering>): Block[] {
  const W = (local: string) => `${w}:${local}`;
  const skipped = new Set(SKIPPED.map((n) => n.replace(/^w:/, `${w}:`).replace(/^mc:/, `${mc}:`)));
  const blocks: Block[] = [];
  const tables: RawTable[] = [];
  const stack: string[] = [];
  let skipUntil = -1;
  // The paragraph being read.
  let text = "";
  let numId: string | null = null;
  let ilvl: number | null = null;
  let styleId: string | null = null;
  let runHidden = false;

  const styleNumbering = (id: string | null): { numId: string; ilvl: number | null } | null => {
    for (let depth = 0; id !== null && depth < 20; depth++) {
      const style = styles.get(id);
      if (!style) return null;
      if (style.numId !== null) return { numId: style.numId, ilvl: style.ilvl };
      id = style.basedOn;
    }
    return null;
  };

  const endParagraph = () => {
    let label = "";
    const fromStyle = numId === null ? styleNumbering(styleId) : null;
    const id = numId ?? fromStyle?.numId ?? null;
    if (id !== null && id !== "0") {
      const level = ilvl ?? fromStyle?.ilvl ?? (styleId ? numbering.levelForStyle(id, styleId) : 0);
      label = numbering.label(id, level);
    }
    const paragraph = text.trim() === "" && label === "" ? "" : label + text;
    const table = tables.at(-1);
    if (table?.cell) table.cell.paragraphs.push(paragraph);
    else if (paragraph.trim() !== "") blocks.push({ kind: "text", text: paragraph });
    text = "";
    numId = null;
    ilvl = null;
    styleId = null;
  };

  const endTable = () => {
    const table = tables.pop()!;
    const grid = toGrid(table.rows);
    const parent = tables.at(-1);
    if (parent?.cell) {
      // A table inside a cell: its cells become paragraphs of the outer cell.
      for (const row of grid) for (const cell of row) if (!cell.continued && !cell.spanned && cell.text.trim()) parent.cell.paragraphs.push(cell.text);
    } else if (grid.length > 0) blocks.push({ kind: "table", rows: grid });
  };

  for (const t of tokenize(xml)) {
    if (t.type === "text") {
      if (skipUntil < 0 && stack.at(-1) === W("t") && !runHidden) text += t.text;
      continue;
    }
    if (t.type === "close") {
      const depth = stack.lastIndexOf(t.name);
      if (depth < 0) continue;
      stack.length = depth;
      if (skipUntil >= 0) {
        if (depth <= skipUntil) skipUntil = -1;
        continue;
      }
      onClose(t.name);
      continue;
    }
    if (skipUntil >= 0) {
      if (!t.selfClosing) stack.push(t.name);
      continue;
    }
    const parent = stack.at(-1);
    // A deleted row (tracked change) is left out.
    if (t.name === W("del") && parent === W("trPr") && tables.at(-1)) tables.at(-1)!.deletedRow = true;
    if (skipped.has(t.name)) {
      if (!t.selfClosing) {
        skipUntil = stack.length;
        stack.push(t.name);
      }
      continue;
    }
    const val = t.attrs[W("val")];
    const off = val !== undefined && ["0", "false", "off"].includes(val);
    switch (t.name) {
      case W("p"):
        text = "";
        numId = null;
        ilvl = null;
        styleId = null;
        break;
      case W("pStyle"):
        if (parent === W("pPr")) styleId = val ?? null;
        break;
      case W("numId"):
        if (stack.at(-2) === W("pPr")) numId = val ?? null;
        break;
      case W("ilvl"):
        if (stack.at(-2) === W("pPr")) ilvl = Number(val ?? 0);
        break;
      case W("r"):
        runHidden = false;
        break;
      case W("vanish"):
      case W("specVanish"):
        if (parent === W("rPr") && stack.at(-2) === W("r")) runHidden = !off;
        break;
      case W("tab"):
      case W("ptab"):
        if (parent === W("r") && !runHidden) text += "\t";
        break;
      case W("br"):
      case W("cr"):
        if (parent === W("r") && !runHidden && t.attrs[W("type")] !== "page" && t.attrs[W("type")] !== "column") text += "\n";
        break;
      case W("noBreakHyphen"):
        if (parent === W("r") && !runHidden) text += "-";
        break;
      case W("tbl"):
        tables.push({ rows: [], row: null, cell: null, deletedRow: false });
        break;
      case W("tr"):
        if (tables.at(-1)) tables.at(-1)!.row = { cells: [], before: 0 };
        break;
      case W("gridBefore"):
        if (parent === W("trPr") && tables.at(-1)?.row) tables.at(-1)!.row!.before = Number(val ?? 0) || 0;
        break;
      case W("tc"):
        if (tables.at(-1)) tables.at(-1)!.cell = { paragraphs: [], span: 1, vMerge: null, hMerge: false };
        break;
      case W("gridSpan"):
        if (parent === W("tcPr") && tables.at(-1)?.cell) tables.at(-1)!.cell!.span = Math.max(1, Number(val ?? 1) || 1);
        break;
      case W("vMerge"):
        if (parent === W("tcPr") && tables.at(-1)?.cell) tables.at(-1)!.cell!.vMerge = val === "restart" ? "restart" : "continue";
        break;
      case W("hMerge"):
        if (parent === W("tcPr") && tables.at(-1)?.cell) tables.at(-1)!.cell!.hMerge = val !== "restart";
        break;
    }
    if (!t.selfClosing) stack.push(t.name);
    else onClose(t.name);
  }
  while (tables.length > 0) endTable();
  return blocks;

  function onClose(name: string): void {
    const table = tables.at(-1);
    if (name === W("p")) endParagraph();
    else if (name === W("tc") && table?.cell) {
      table.row?.cells.push(table.cell);
      table.cell = null;
    } else if (name === W("tr") && table?.row) {
      if (!table.deletedRow) table.rows.push(table.row);
      table.row = null;
      table.deletedRow = false;
    } else if (name === W("tbl") && table) endTable();
  }
}
