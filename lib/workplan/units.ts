/** Units as written: 〔责任单位:…〕, (牵头单位:…;责任单位:…), (…负责), (…牵头,…负责) and the like. */

export interface Assignment {
  lead: string[];
  units: string[];
}

export interface UnitGroup extends Assignment {
  start: number;
  end: number;
}

const OPEN = "(〔[【";
const CLOSE = ")〕]】";
// A label opens the bracket or follows a separator: 各领域联合奖惩实施部门 is a unit, not a label.
const LABEL = /(?<![^;,。\s])(牵头|主责|主办|责任|配合|参与|协办|协同|实施|落实|承办|完成)(?:单位|部门):?/g;
const LABEL_START = /^(?:牵头|主责|主办|责任|配合|参与|协办|协同|实施|落实|承办|完成)(?:单位|部门)/;
const LABEL_COLON = /(?<![^;,。\s])(?:牵头|主责|主办|责任|配合|参与|协办|协同|实施|落实|承办|完成)(?:单位|部门):/;
const VERB = /^(.*?)(牵头负责|牵头|负责落实|负责|配合|参与|协助|协办|落实)$/;
const UNIT_END = /(局|委|办|院|部|厅|处|科|所|站|队|中心|公司|政府|管委会|委员会|集团|银行|协会|商会|工商联|联合会|海关|街道|单位|部门|\))$/;
const UNIT_START = /^(市|区|县|省|州|盟|旗|各|镇|乡|街道|国家|中国|人民)/;
const UNIT_WORD = /(局|委|办|院|部|厅|中心|公司|政府|管委会|银行|海关|单位|部门|街道|乡镇|镇|区|县|市)/;
const LEAD = /牵头|主责|主办/;

export function union(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

/** Splits at the given separators outside parentheses, so 区住建局(交通局) and 各县(市、区) stay whole. */
function splitTop(s: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of s) {
    if (OPEN.includes(ch)) depth++;
    if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.includes(ch)) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  return [...parts, current];
}

/** 和/及/与 and a middle 等 join two units only when a unit ends before them (市工业和信息化局 stays whole). */
function splitJoined(s: string): string[] {
  const out: string[] = [];
  let rest = s;
  const joiner = /以及|及|和|与|等/g;
  let m: RegExpExecArray | null;
  while ((m = joiner.exec(rest)) !== null) {
    const left = rest.slice(0, m.index);
    const right = rest.slice(m.index + m[0].length);
    const ok = UNIT_END.test(left) && right !== "" && (m[0] === "等" || UNIT_START.test(right) || UNIT_END.test(right));
    if (!ok) continue;
    out.push(left);
    rest = right;
    joiner.lastIndex = 0;
  }
  return [...out, rest];
}

function clean(name: string): string {
  return name
    .trim()
    .replace(/^(?:由|以及|及|和)/, "")
    .replace(/(?:按职责分工|按职责|分别|共同|具体|各自|积极)$/, "")
    .replace(/[,;。、:]+$/, "")
    .replace(/等$/, "")
    .trim();
}

export function splitUnits(list: string): string[] {
  return union(splitTop(list, "、,;").flatMap(splitJoined).map(clean).filter((n) => n !== ""));
}

/** Reads one bracket's content; null when it assigns no unit ((二期), (由市人民银行评分), …). */
export function parseAssignment(content: string): Assignment | null {
  const text = content.trim();
  const result: Assignment = { lead: [], units: [] };
  if (LABEL_START.test(text)) {
    const labels = [...text.matchAll(LABEL)];
    labels.forEach((m, i) => {
      const segment = text.slice(m.index + m[0].length, labels[i + 1]?.index ?? text.length);
      const names = splitUnits(segment);
      if (LEAD.test(m[1]!)) result.lead.push(...names);
      else result.units.push(...names);
    });
  } else {
    if (!VERB.test(text) || text.includes("。")) return null;
    let pending: string[] = [];
    for (const clause of splitTop(text, ",;")) {
      const m = clause.match(VERB);
      if (!m) {
        pending.push(clause);
        continue;
      }
      const names = splitUnits([...pending, m[1]!].join("、"));
      if (!names.some((n) => UNIT_WORD.test(n))) return null;
      if (LEAD.test(m[2]!)) result.lead.push(...names);
      else result.units.push(...names);
      pending = [];
    }
  }
  const assignment = { lead: union(result.lead), units: union(result.units) };
  return assignment.lead.length + assignment.units.length > 0 ? assignment : null;
}

/** Every bracket that assigns units; failing that, a bare "责任单位:…" running to the end of a line. */
export function findUnitGroups(text: string): UnitGroup[] {
  const groups: UnitGroup[] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPEN.includes(ch)) stack.push(i);
    const kind = CLOSE.indexOf(ch);
    if (kind < 0) continue;
    let j = stack.length - 1;
    while (j >= 0 && OPEN.indexOf(text[stack[j]!]!) !== kind) j--;
    if (j < 0) continue;
    const start = stack[j]!;
    stack.length = j;
    const parsed = parseAssignment(text.slice(start + 1, i));
    if (parsed) groups.push({ start, end: i + 1, ...parsed });
  }
  if (groups.length > 0) return groups;
  let offset = 0;
  for (const line of text.split("\n")) {
    const at = line.search(LABEL_COLON);
    const parsed = at < 0 ? null : parseAssignment(line.slice(at).replace(/。$/, ""));
    if (parsed) groups.push({ start: offset + at, end: offset + line.length, ...parsed });
    offset += line.length + 1;
  }
  return groups;
}

export function unitsOf(text: string): Assignment {
  const groups = findUnitGroups(text);
  return { lead: union(...groups.map((g) => g.lead)), units: union(...groups.map((g) => g.units)) };
}

export function withoutUnitGroups(text: string): string {
  let out = text;
  for (const g of [...findUnitGroups(text)].reverse()) out = out.slice(0, g.start) + out.slice(g.end);
  return out;
}

const NOTE = /以下[^。;\n]*?(?:均需|均须|均由|均要|均应|都需|都要)([^。;\n]*?)(?:负责落实|共同落实|负责|落实|参与|配合|完成)[^。;\n]*?不再(?:一一)?列出/g;

/** "以下均需…落实,不再列出": the note as written and the units it names. */
export function findNotes(text: string): { note: string; units: string[] }[] {
  return [...text.matchAll(NOTE)].map((m) => ({ note: m[0], units: splitUnits(m[1]!) }));
}
