/**
 * Work plans made as Word documents for the file tests, the way offices lay them out: a title, sections
 * numbered by Word's 自动编号 (一、 （一）), a paragraph task typed by hand, and a 任务分解表 whose 序号,
 * 重点任务, 牵头单位 and 完成时限 are merged down over a task's 措施 rows.
 */
import {
  AlignmentType, Document, Footer, Header, LevelFormat, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
} from "docx";

export type Align = "top" | "center";

const ALIGN = { top: VerticalAlign.TOP, center: VerticalAlign.CENTER };

function cell(text: string | string[], options: { rowSpan?: number; columnSpan?: number; align?: Align } = {}): TableCell {
  const paragraphs = (Array.isArray(text) ? text : [text]).map((t) => new Paragraph({ children: [new TextRun(t)] }));
  return new TableCell({
    children: paragraphs,
    rowSpan: options.rowSpan,
    columnSpan: options.columnSpan,
    verticalAlign: ALIGN[options.align ?? "center"],
  });
}

const HEADER = ["序号", "重点任务", "具体措施", "牵头单位", "责任单位", "完成时限"];
const WIDTHS = [700, 1700, 2900, 1300, 1500, 1200];

/** One task of a 任务分解表: measures one a row, with their own units or deadlines where they differ. */
export interface TableTask {
  number: string;
  task: string;
  measures: { text: string; units?: string | string[]; deadline?: string }[];
  lead: string;
  /** Units for the whole task (a cell merged down); else each measure's own. */
  units?: string | string[];
  deadline?: string;
}

export type TableEntry = TableTask | { heading: string };

function header(repeat: boolean): TableRow {
  return new TableRow({ tableHeader: repeat, children: HEADER.map((h) => cell(h)) });
}

export function taskTable(entries: TableEntry[], { align = "center", repeatHeader = false, widths = WIDTHS }: { align?: Align; repeatHeader?: boolean; widths?: number[] } = {}): Table {
  const rows: TableRow[] = [header(repeatHeader)];
  for (const entry of entries) {
    if ("heading" in entry) {
      rows.push(new TableRow({ children: [cell(entry.heading, { columnSpan: HEADER.length, align })] }));
      continue;
    }
    const span = entry.measures.length;
    entry.measures.forEach((m, i) => {
      const children: TableCell[] = [];
      if (i === 0) children.push(cell(entry.number, { rowSpan: span, align }), cell(entry.task, { rowSpan: span, align }));
      children.push(cell(m.text, { align }));
      if (i === 0) children.push(cell(entry.lead, { rowSpan: span, align }));
      if (entry.units !== undefined) {
        if (i === 0) children.push(cell(entry.units, { rowSpan: span, align }));
      } else children.push(cell(m.units ?? "", { align }));
      if (entry.deadline !== undefined) {
        if (i === 0) children.push(cell(entry.deadline, { rowSpan: span, align }));
      } else children.push(cell(m.deadline ?? "", { align }));
      rows.push(new TableRow({ children }));
    });
  }
  return new Table({ rows, columnWidths: widths, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA } });
}

/** A plain table from rows of strings (no merges), one paragraph a line of each cell. */
export function gridTable(rows: string[][], widths: number[]): Table {
  return new Table({
    rows: rows.map((row) => new TableRow({ children: row.map((text) => cell(text.split("\n"))) })),
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
  });
}

const NUMBERING = {
  config: [{
    reference: "plan",
    levels: [
      { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、", alignment: AlignmentType.LEFT },
      { level: 1, format: LevelFormat.CHINESE_COUNTING, text: "（%2）", alignment: AlignmentType.LEFT },
    ],
  }],
};

export type Part = string | { numbered: string; level: 0 | 1 } | Table | Paragraph;

/**
 * Page furniture printed on every page: a running header, and a footer page number written "— 3 —" or
 * "第 3 页 共 9 页" (the page fields Word fills in).
 */
export interface Furniture {
  header?: string;
  footer?: "dash" | "page-of";
}

const PAGE_TEXT = {
  dash: ["— ", PageNumber.CURRENT, " —"],
  "page-of": ["第 ", PageNumber.CURRENT, " 页 共 ", PageNumber.TOTAL_PAGES, " 页"],
} as const;

export async function planDocx(parts: Part[], furniture: Furniture = {}): Promise<Uint8Array> {
  const children = parts.map((p) => {
    if (typeof p === "string") return new Paragraph({ children: [new TextRun(p)] });
    if (p instanceof Table || p instanceof Paragraph) return p;
    return new Paragraph({ children: [new TextRun(p.numbered)], numbering: { reference: "plan", level: p.level } });
  });
  const headers = furniture.header === undefined ? undefined : { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(furniture.header)] })] }) };
  const footers = furniture.footer === undefined ? undefined
    : { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [...PAGE_TEXT[furniture.footer]] })] })] }) };
  const doc = new Document({ numbering: NUMBERING, sections: [{ children, headers, footers }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The plan most tests read: sections by 自动编号, a table inside 二、重点任务, a typed task after it. */
export const PLAN_TABLE: TableEntry[] = [
  { heading: "（一）信用信息归集" },
  {
    number: "1", task: "完善信用信息归集共享机制", lead: "市发展改革委", deadline: "2026年6月底前",
    measures: [
      { text: "推动市直部门按月报送双公示信息，合规率达到100%。", units: "市市场监管局、市税务局" },
      { text: "建立数据质量通报制度，每季度通报一次。", units: "市数据局" },
    ],
  },
  {
    number: "2", task: "提升信用修复效率", lead: "市发展改革委", units: ["各县（市、区）人民政府", "市中级人民法院"], deadline: "2026.9",
    measures: [{ text: "信用修复申请3个工作日内办结。" }],
  },
  { heading: "（二）信用监管" },
  {
    number: "3", task: "开展信用承诺专项治理", lead: "市市场监管局",
    measures: [
      { text: "梳理承诺事项清单。", units: "市司法局", deadline: "2026年6月30日" },
      { text: "对失信主体开展信用修复培训。", units: "市人力资源社会保障局", deadline: "2026年10月底前" },
      { text: "建立承诺履约回访制度。", units: "各县（市、区）人民政府", deadline: "长期坚持" },
    ],
  },
];

export async function samplePlan(align: Align = "center"): Promise<Uint8Array> {
  return planDocx([
    "示范市2026年社会信用体系建设工作要点",
    "为深入推进社会信用体系建设，结合我市实际，制定本要点。",
    { numbered: "总体要求", level: 0 },
    "坚持问题导向，补齐短板，全面提升城市信用监测排名。",
    { numbered: "重点任务", level: 0 },
    "具体任务见下表：",
    taskTable(PLAN_TABLE, { align }),
    { numbered: "保障措施", level: 0 },
    { numbered: "加强组织领导。各单位要明确分管领导和联络员。（市发展改革委负责）", level: 1 },
    "示范市社会信用体系建设领导小组办公室",
    "2026年2月10日",
  ]);
}

/** What the sample plan reads as: section, number, title, lead, units, deadline (kind). */
export const SAMPLE_TASKS = [
  { section: "(一)信用信息归集", number: "1", title: "完善信用信息归集共享机制", leadUnits: ["市发展改革委"], units: ["市市场监管局", "市税务局", "市数据局"], deadline: "2026-06-30", deadlineKind: "date" },
  { section: "(一)信用信息归集", number: "2", title: "提升信用修复效率", leadUnits: ["市发展改革委"], units: ["各县(市、区)人民政府", "市中级人民法院"], deadline: "2026-09-30", deadlineKind: "date" },
  { section: "(二)信用监管", number: "3", title: "开展信用承诺专项治理", leadUnits: ["市市场监管局"], units: ["市司法局", "市人力资源社会保障局", "各县(市、区)人民政府"], deadline: "2026-06-30", deadlineKind: "date" },
  { section: "三、保障措施", number: "(一)", title: "加强组织领导", leadUnits: [], units: ["市发展改革委"], deadline: "2026-12-31", deadlineKind: "default" },
];
