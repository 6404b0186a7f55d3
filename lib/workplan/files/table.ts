/**
 * A 任务分解表 (task breakdown table) → lines the work-plan reader already understands, one per task,
 * written the way plans write tasks:
 *
 *   1．{工作任务}（牵头单位：A；责任单位：B、C）。完成时限：2026年6月底前。（1）{措施}；（2）{措施}（责任单位：D）。目标：…。
 *
 * A task is the rows its 序号 covers: a 序号 merged down over several 措施 rows is one task with several
 * measures, and a value merged down (or given once) holds for the whole task. A value that differs from
 * row to row stays with its row's measure. A row that spans the table (or a 类别 column) is a heading.
 * Tables whose header names no task and no unit are not task tables: their cells are read as lines.
 */
import { MARKER, normaliseLine, normaliseWidth } from "../normalise";
import type { TableCell } from "./blocks";

export type Role = "number" | "category" | "task" | "measure" | "lead" | "units" | "deadline" | "target" | "note";

export interface Column {
  role: Role | null;
  /** The label a unit column's names are given in the bracket: 牵头单位, 责任单位, 配合单位. */
  label: string;
  /** "牵头/责任单位", "责任单位（排第一位的为牵头单位）": the first unit named leads. */
  firstLeads: boolean;
}

const CO = /配合|协办|参与|协同|协助/;
const LEAD = /牵头|主责|主办|主抓/;
const UNIT_HEADER = /(?:单位|部门|主体|机构)/;

/** What a header cell names, from its text as written (any width, either script, spaces anywhere). */
export function columnOf(header: string): Column {
  const h = normaliseLine(header.replace(/\s+/g, "")).replace(/[()（）:：*＊]/g, "");
  const none: Column = { role: null, label: "", firstLeads: false };
  if (h === "" || h.length > 16) return none;
  if (/^(?:序号|编号|序|项次|No\.?|NO\.?)$/i.test(h)) return { ...none, role: "number" };
  if (/^(?:备注|说明|附注)/.test(h)) return { ...none, role: "note" };
  if (UNIT_HEADER.test(h) && !/责任人|领导|联系人/.test(h)) {
    if (LEAD.test(h) && /责任|配合|协办|参与|协同|协助/.test(h)) return { role: "units", label: "责任单位", firstLeads: true };
    if (LEAD.test(h)) return { role: "lead", label: "牵头单位", firstLeads: false };
    if (/第一|首位/.test(h)) return { role: "units", label: "责任单位", firstLeads: true };
    if (CO.test(h)) return { role: "units", label: "配合单位", firstLeads: false };
    if (/责任|实施|落实|承办|完成/.test(h) || /^(?:单位|部门)$/.test(h)) return { role: "units", label: "责任单位", firstLeads: false };
  }
  if (/时限|时间|期限|节点|日期|进度安排|完成时|截止/.test(h)) return { ...none, role: "deadline" };
  if (/目标|指标|成效|预期成果|成果形式|考核标准/.test(h)) return { ...none, role: "target" };
  if (/措施|举措|具体任务|具体工作|具体内容|主要内容|工作内容|任务分解|实施内容|推进内容|工作要求|任务要求|实施步骤|工作步骤/.test(h)) return { ...none, role: "measure" };
  if (/类别|领域|类型|分类|板块|方面|专项/.test(h)) return { ...none, role: "category" };
  if (/任务|工作|事项|项目|重点|内容|名称/.test(h)) return { ...none, role: "task" };
  return none;
}

function isTaskHeader(columns: Column[]): boolean {
  const roles = new Set(columns.map((c) => c.role));
  return (roles.has("task") || roles.has("measure")) && (roles.has("lead") || roles.has("units"));
}

const ENDS_SENTENCE = /[。；;！!？?]$/;
const ENDS_LIST = /[、，,；;]$/;
const UNIT_END = /(?:局|委|办|院|部|厅|处|科|所|站|队|中心|公司|政府|管委会|委员会|集团|银行|分行|支行|协会|商会|联合会|海关|街道|乡镇|单位|部门|法院|检察院|[)）])$/;
const UNIT_START = /^(?:市|区|县|省|州|盟|旗|各|镇|乡|街道|国家|中国|人民|人行|团)/;

function lines(cell: TableCell | undefined): string[] {
  return (cell?.text ?? "").split("\n").map((l) => l.trim()).filter((l) => l !== "" && !/^[/／\\—–-]+$|^无$/.test(l));
}

/** Text lines of a cell as one text: printed (wrapped) lines run on, paragraphs are kept apart. */
function joinText(cell: TableCell | undefined): string {
  const parts = lines(cell);
  let out = "";
  for (const part of parts) {
    if (out === "" || ENDS_SENTENCE.test(out)) out += part;
    else if (MARKER.test(normaliseWidth(part)) || !cell?.wrapped) out += `；${part}`;
    else out += part;
  }
  return out;
}

/** Unit names of a cell, 、-separated: one name a paragraph, or a printed line broken inside a name. */
function joinUnits(cell: TableCell | undefined): string {
  const parts = lines(cell).map((l) => l.replace(/(?<=[\p{Script=Han}）)])[\s\u3000]+(?=[\p{Script=Han}])/gu, "、"));
  let out = "";
  for (const part of parts) {
    if (out === "" || ENDS_LIST.test(out)) out += part;
    else if (!cell?.wrapped || (UNIT_END.test(out) && UNIT_START.test(part))) out += `、${part}`;
    else out += part;
  }
  return out.replace(/[、，,；;。]+$/, "");
}

/** A deadline cell as a phrase the reader dates: "2026.6" → "2026年6月底前", "2026-06-30" → "2026年6月30日前". */
export function deadlinePhrase(text: string): string {
  const s = normaliseWidth(text).replace(/\s+/g, "");
  let m = s.match(/^((?:19|20)\d{2})[.\-/年](\d{1,2})[.\-/月](\d{1,2})日?$/);
  if (m) return `${m[1]}年${Number(m[2])}月${Number(m[3])}日前`;
  m = s.match(/^((?:19|20)\d{2})[.\-/年](\d{1,2})月?(?:底|末)?$/);
  if (m) return `${m[1]}年${Number(m[2])}月底前`;
  m = s.match(/^(\d{1,2})月(?:底|末)?$/);
  if (m) return `${Number(m[1])}月底前`;
  m = s.match(/^((?:19|20)\d{2})年(?:底|末)?$/);
  if (m) return `${m[1]}年底前`;
  return text.trim();
}

function unitSegment(column: Column, cell: TableCell | undefined): string {
  const raw = lines(cell);
  // The cell names its own labels: "牵头单位：市发改委\n责任单位：市财政局".
  if (raw.some((l) => /(?:牵头|主责|责任|配合|协办|参与|协同|实施)(?:单位|部门)[:：]/.test(l))) return raw.join("；").replace(/[；;。]+$/, "");
  let names = joinUnits(cell);
  if (names === "") return "";
  if (column.firstLeads && !/[（(](?:牵头|牵头单位|主责)[)）]/.test(names)) names = names.replace(/^([^、，,；;]+)/, "$1（牵头）");
  return `${column.label}：${names}`;
}

function valueOf(column: Column, cell: TableCell | undefined): string {
  switch (column.role) {
    case "lead":
    case "units":
      return unitSegment(column, cell);
    case "deadline": {
      const text = joinText(cell);
      return text === "" ? "" : text.split(/[；;]/).map(deadlinePhrase).join("；");
    }
    default:
      return joinText(cell);
  }
}

const CN = "一二三四五六七八九十";
function chineseNumber(n: number): string {
  if (n <= 10) return CN[n - 1]!;
  if (n < 20) return `十${CN[n - 11] ?? ""}`;
  return `${CN[Math.floor(n / 10) - 1]}十${n % 10 === 0 ? "" : CN[(n % 10) - 1]}`;
}

/** The task's number as the reader's numbering knows it; a 序号 it cannot use is replaced by the count. */
function numberLabel(value: string, count: number): string {
  const s = normaliseWidth(value).replace(/\s+/g, "");
  let m = s.match(/^(\d{1,2})[.、]?$/);
  if (m) return `${Number(m[1])}．`;
  m = s.match(/^\((\d{1,2})\)$/);
  if (m) return `（${m[1]}）`;
  m = s.match(/^([一二三四五六七八九十]+)[.、]?$/);
  if (m) return `（${m[1]}）`;
  if (/^\([一二三四五六七八九十]+\)$/.test(s) || /^[①-⑳]$/.test(s)) return s.replace("(", "（").replace(")", "）");
  return `${count}．`;
}

function strip(text: string): string {
  return text.replace(/[。；;，,\s]+$/, "");
}

interface Row {
  cells: TableCell[];
}

/** Where the header is and what each column holds; null when the table is not a task table. */
export function findHeader(rows: TableCell[][]): { at: number; end: number; columns: Column[] } | null {
  for (let at = 0; at < Math.min(4, rows.length); at++) {
    const columns = rows[at]!.map((c) => columnOf(c.text));
    if (!isTaskHeader(columns)) continue;
    let end = at + 1;
    // A second header row under a spanning one: 责任单位 over 牵头单位 | 配合单位.
    const below = rows[at + 1];
    if (below && below.some((c, i) => !c.continued && columnOf(c.text).role !== null && rows[at]![i]!.text !== c.text)
      && below.every((c) => c.continued || c.text.trim() === "" || columnOf(c.text).role !== null)) {
      below.forEach((c, i) => {
        const sub = columnOf(c.text);
        if (!c.continued && sub.role !== null) columns[i] = sub;
      });
      end = at + 2;
    }
    // Of two task columns the first groups the second (重点任务 | 工作任务).
    const tasks = columns.map((c, i) => (c.role === "task" ? i : -1)).filter((i) => i >= 0);
    if (tasks.length > 1 || (tasks.length === 1 && columns.some((c, i) => c.role === "measure" && i < tasks[0]!))) {
      // Keep the last task column; earlier ones are categories.
      for (const i of tasks.slice(0, -1)) columns[i] = { ...columns[i]!, role: "category" };
    }
    return { at, end, columns };
  }
  return null;
}

/** The cells of a table that is not a task table, one line each, as a copy of the page would give them. */
function plainLines(rows: TableCell[][]): string[] {
  const out: string[] = [];
  for (const row of rows) for (const cell of row) if (!cell.continued && !cell.spanned) out.push(...lines(cell));
  return out;
}

/** Lines for the reader from one table: a task table's tasks, or any other table's cells. */
export function tableLines(rows: TableCell[][]): string[] {
  const header = findHeader(rows);
  if (!header) return plainLines(rows);
  const { columns } = header;
  const cols = (role: Role) => columns.flatMap((c, i) => (c.role === role ? [i] : []));
  const [numberCol] = cols("number");
  const [taskCol] = cols("task");
  const [measureCol] = cols("measure");
  const categoryCols = cols("category");
  const data = rows.slice(header.end);
  const hasNumbers = numberCol !== undefined && data.some((r) => lines(r[numberCol]).length > 0);
  const keyCol = hasNumbers ? numberCol : (taskCol ?? measureCol);

  const out: string[] = plainLines(rows.slice(0, header.at));
  const notes: string[] = [];
  const body: string[] = [];
  let task: Row[] = [];
  let count = 0;
  let headings = 0;
  let category: string | null = null;

  const heading = (text: string) => {
    const t = strip(text);
    body.push(MARKER.test(normaliseWidth(t)) ? t : `（${chineseNumber(++headings)}）${t}`);
  };

  const flush = () => {
    if (task.length === 0) return;
    count++;
    body.push(renderTask(task, columns, keyCol, taskCol, measureCol, count));
    task = [];
  };

  const headerTexts = rows[header.at]!.map((c) => c.text.replace(/\s+/g, ""));
  for (const cells of data) {
    const filled = cells.map((c, i) => ({ c, i })).filter(({ c }) => !c.continued && !c.spanned && lines(c).length > 0);
    if (filled.length === 0) continue;
    // The header again (a table continued on the next page).
    if (cells.every((c, i) => c.text.replace(/\s+/g, "") === headerTexts[i])) continue;
    // A row of one cell across the table — or, from a PDF, one value under the 序号 that is not a number —
    // is a heading ("一、加强信用制度建设") or a note ("注：列第一位的为牵头单位").
    if (filled.length === 1) {
      const { c, i } = filled[0]!;
      const text = joinText(c);
      let span = 1;
      while (cells[i + span]?.spanned) span++;
      const wide = span >= Math.max(2, cells.length / 2);
      const notNumber = i === keyCol && columns[i]!.role === "number" && !/^[(（]?[\d一二三四五六七八九十]{1,3}[)）.．、]?$/.test(text.replace(/\s+/g, ""));
      if (wide || notNumber) {
        flush();
        if (/^(?:注|备注|说明|附注)[:：\d]/.test(normaliseWidth(text))) notes.push(text);
        else heading(text);
        continue;
      }
    }
    const keyEmpty = keyCol === undefined || lines(cells[keyCol]).length === 0 || cells[keyCol]!.continued === true;
    // A 类别 column starting a new group.
    for (const i of categoryCols) {
      const cell = cells[i]!;
      if (!cell.continued && !cell.spanned && lines(cell).length > 0) {
        const value = joinText(cell);
        if (value !== category) {
          flush();
          category = value;
          heading(value);
        }
      }
    }
    const startsTask = keyCol === undefined || (!keyEmpty && !cells[keyCol]!.spanned);
    if (startsTask) flush();
    task.push({ cells });
  }
  flush();
  return [...out, ...notes, ...body];
}

function renderTask(rows: Row[], columns: Column[], keyCol: number | undefined, taskCol: number | undefined, measureCol: number | undefined, count: number): string {
  const first = rows[0]!.cells;
  const number = numberLabel(keyCol !== undefined && columns[keyCol]?.role === "number" ? joinText(first[keyCol]) : "", count);
  const distinct = (values: string[]) => [...new Set(values.filter((v) => v !== ""))];
  const title = taskCol === undefined ? "" : distinct(rows.map((r) => (r.cells[taskCol]!.continued ? "" : joinText(r.cells[taskCol])))).join("；");

  // Per column: one value for the task, or a value per row (kept with that row's measure).
  const perRow = new Map<number, string[]>();
  const taskLevel: { column: Column; value: string }[] = [];
  columns.forEach((column, i) => {
    if (!column.role || ["number", "category", "task", "measure"].includes(column.role)) return;
    if (rows.every((r) => r.cells[i]!.spanned)) return;
    const values = rows.map((r) => valueOf(column, r.cells[i]));
    const unique = distinct(values);
    const rowsWithMeasure = rows.map((r) => measureCol !== undefined && !r.cells[measureCol]!.continued && lines(r.cells[measureCol]).length > 0);
    if (unique.length <= 1 || rowsWithMeasure.filter(Boolean).length < 2) {
      for (const v of unique) taskLevel.push({ column, value: v });
      return;
    }
    values.forEach((v, r) => {
      if (v === "") return;
      if (rowsWithMeasure[r]) perRow.set(r, [...(perRow.get(r) ?? []), `${column.role}\u0000${v}`]);
      else if (!taskLevel.some((t) => t.column === column && t.value === v)) taskLevel.push({ column, value: v });
    });
  });

  const bracket = (segments: string[]) => (segments.length > 0 ? `（${segments.join("；")}）` : "");
  const isUnit = (role: Role | null) => role === "lead" || role === "units";
  const tagged = (entries: string[]) => entries.map((e) => e.split("\u0000") as [Role, string]);
  const measures = measureCol === undefined ? [] : rows.flatMap((r, i) => {
    const cell = r.cells[measureCol]!;
    return cell.continued || lines(cell).length === 0 ? [] : [{ text: joinText(cell), row: i }];
  });
  const taskValues = (role: Role) => taskLevel.filter((t) => t.column.role === role).map((t) => strip(t.value));
  const taskUnits = taskLevel.filter((t) => isUnit(t.column.role)).map((t) => t.value);
  const targets = taskValues("target");
  // A deadline belongs to every sentence of the task it covers: each measure, the 目标, else the title. (The
  // reader dates a task by its first target's sentence; the table's deadline must be in it.)
  const deadline = (own: string[] = []) => {
    const values = own.length > 0 ? own : taskValues("deadline");
    return values.length > 0 ? `，完成时限：${values.join("、")}` : "";
  };

  const head = strip(title || (measures.length === 1 && targets.length === 0 ? measures.shift()!.text : ""));
  let line = number;
  if (head !== "" || taskUnits.length > 0) line += `${head}${bracket(taskUnits)}${measures.length === 0 && targets.length === 0 ? deadline() : ""}。`;
  measures.forEach((m, k) => {
    const own = tagged(perRow.get(m.row) ?? []);
    const marker = measures.length > 1 && !MARKER.test(normaliseWidth(m.text)) ? `（${k + 1}）` : "";
    const units = bracket(own.filter(([role]) => isUnit(role)).map(([, v]) => v));
    const rest = own.filter(([role]) => role === "target" || role === "note").map(([role, v]) => (role === "target" ? `，目标：${strip(v)}` : `，${strip(v)}`)).join("");
    const ownDeadline = own.filter(([role]) => role === "deadline").map(([, v]) => strip(v));
    line += `${marker}${strip(m.text)}${units}${rest}${deadline(ownDeadline)}${k === measures.length - 1 ? "。" : "；"}`;
  });
  if (targets.length > 0) line += `目标：${targets.join("；")}${deadline()}。`;
  for (const note of taskValues("note")) line += `${note}。`;
  return line;
}
