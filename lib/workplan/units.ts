/**
 * Units as written: 〔责任单位:…〕, (牵头单位:…;责任单位:…), (X牵头,Y负责), (X、Y牵头负责), (X负责),
 * (X为牵头单位), 责任单位:A(牵头)、B, a bare "责任单位:…" line, and standing rules ("以下均需…落实,不再列出",
 * "各县(市、区)均为责任单位,不再列出", "列第一位的为牵头单位"). Full- and half-width punctuation alike.
 */

export interface Assignment {
  lead: string[];
  units: string[];
}

export interface UnitGroup extends Assignment {
  start: number;
  end: number;
}

// Same order in both: the n-th opener closes with the n-th closer.
const OPEN = "(〔[【（［﹝〖｛{";
const CLOSE = ")〕]】）］﹞〗｝}";
const SEPARATORS = "、,;，；﹐﹔､";
const LABEL_WORDS = "牵头|主责|主办|主要责任|责任|配合|参与|协办|协同|实施|落实|承办|完成";
// A label opens the bracket, follows a separator, or carries a colon: 各领域联合奖惩实施部门 is a unit, not a label.
const LABEL = new RegExp(`(?:(?<![^;,。\\s；，])(${LABEL_WORDS})(?:单位|部门)[:：]?|(${LABEL_WORDS})(?:单位|部门)[:：])`, "g");
const LABEL_START = new RegExp(`^(?:${LABEL_WORDS})(?:单位|部门)`);
const LABEL_COLON = new RegExp(`(?<![^;,。\\s；，])(?:${LABEL_WORDS})(?:单位|部门)[:：]`);
// A line of its own that names units: "责任单位:…", "牵头部门:…".
const LABEL_LINE = new RegExp(`^[\\s${OPEN}]*(?:${LABEL_WORDS})(?:单位|部门)[:：]`);
// Where a unit list stops and the bracket goes on about time: "责任单位:区发改委;完成时限:6月底前".
const OTHER_LABEL = /[;,。；，\s]*(?:完成|办结|截止|工作)?(?:时限|时间|期限|时间节点|节点|进度)[:：]/;
const VERB = /^(.*?)(?:为(牵头|主责|责任|配合|参与|协办)(?:单位|部门)|(牵头负责|牵头|负责落实|负责|配合|参与|协助|协办|落实))$/;
const UNIT_END = /(局|委|办|院|部|厅|处|科|所|站|队|中心|公司|政府|管委会|委员会|集团|银行|分行|支行|协会|商会|工商联|联合会|海关|街道|乡镇场|乡镇|单位|部门|场|社|\))$/;
const UNIT_START = /^(市|区|县|省|州|盟|旗|各|镇|乡|街道|国家|中国|人民|人行)/;
const UNIT_WORD = /(局|委|办|院|部|厅|中心|公司|政府|管委会|银行|分行|支行|人行|海关|单位|部门|街道|乡镇|镇|区|县|市|场)/;
const LEAD = /牵头|主责|主办/;
const NOT_A_NAME = /要|应当|必须|须|认真|切实|抓好|进一步|确保/;
// "列第一位的为牵头单位": the first unit named leads.
const FIRST_LEADS = /(?:列|排|排名|排在|名列)?(?:第一位|第一个|首位|第一)(?:的|者)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)/;
// "区发改委(牵头)" in a list.
const MARKED_LEAD = /[(（](?:牵头|牵头单位|牵头部门|主责)[)）]$/;

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
    .replace(/[,;。、:，；：]+$/, "")
    .replace(/等$/, "")
    .trim();
}

export function splitUnits(list: string): string[] {
  return union(splitTop(list, SEPARATORS).flatMap(splitJoined).map(clean).filter((n) => n !== ""));
}

/** A labelled segment's names, with "X(牵头)" read as a lead. */
function namesOf(segment: string): Assignment {
  const out: Assignment = { lead: [], units: [] };
  for (const name of splitUnits(segment)) {
    if (MARKED_LEAD.test(name)) out.lead.push(name.replace(MARKED_LEAD, "").trim());
    else out.units.push(name);
  }
  return out;
}

/** Reads one bracket's content; null when it assigns no unit ((二期), (由市人民银行评分), …). */
export function parseAssignment(content: string): Assignment | null {
  let text = content.trim();
  if (findNotes(text).length > 0) return null;
  const firstLeads = FIRST_LEADS.test(text);
  text = text.replace(new RegExp(`[(（]?${FIRST_LEADS.source}[)）]?`), "");
  const other = text.search(OTHER_LABEL);
  if (other > 0) text = text.slice(0, other);
  const result: Assignment = { lead: [], units: [] };
  if (LABEL_START.test(text)) {
    const labels = [...text.matchAll(LABEL)];
    labels.forEach((m, i) => {
      const segment = text.slice(m.index + m[0].length, labels[i + 1]?.index ?? text.length);
      const names = namesOf(segment);
      result.lead.push(...names.lead);
      if (LEAD.test(m[1] ?? m[2]!)) result.lead.push(...names.units);
      else result.units.push(...names.units);
    });
  } else {
    const clauses = splitTop(text, SEPARATORS);
    if (!clauses.some((c) => VERB.test(c)) || text.includes("。")) return null;
    // "X牵头、Y配合" and "X、Y牵头负责": a clause ends at the verb, a name list runs until one.
    let pending: string[] = [];
    for (const clause of clauses) {
      const m = clause.match(VERB);
      if (!m) {
        pending.push(clause);
        continue;
      }
      const names = splitUnits([...pending, m[1]!].join("、"));
      // "(各县区要认真落实)" asks something of them; it assigns nobody.
      if (!names.some((n) => UNIT_WORD.test(n)) || names.some((n) => NOT_A_NAME.test(n))) return null;
      if (LEAD.test(m[2] ?? m[3]!)) result.lead.push(...names);
      else result.units.push(...names);
      pending = [];
    }
    // "(X牵头,Y、Z)": names after the last verb are the responsible ones; "(…负责,下同)" names nobody more.
    result.units.push(...splitUnits(pending.join("、")).filter((n) => UNIT_WORD.test(n)));
  }
  if (firstLeads && result.lead.length === 0 && result.units.length > 0) result.lead.push(result.units.shift()!);
  const assignment = { lead: union(result.lead), units: union(result.units).filter((u) => !result.lead.includes(u)) };
  return assignment.lead.length + assignment.units.length > 0 ? assignment : null;
}

/**
 * Every bracket that assigns units, and every line of its own that starts with a label ("责任单位:…");
 * failing both, a bare "责任单位:…" after a sentence, running to the end of its line.
 */
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
  const bracketed = groups.length > 0;
  let offset = 0;
  for (const line of text.split("\n")) {
    const inside = (at: number) => groups.some((g) => g.start <= offset + at && offset + at < g.end);
    const at = LABEL_LINE.test(line) ? 0 : bracketed ? -1 : line.search(LABEL_COLON);
    const parsed = at < 0 || inside(at) ? null : parseAssignment(line.slice(at).replace(/^[\s(（〔[【]+|[)）〕\]】]?[。.]?$/g, ""));
    if (parsed) groups.push({ start: offset + at, end: offset + line.length, ...parsed });
    offset += line.length + 1;
  }
  return groups.sort((a, b) => a.start - b.start);
}

export function unitsOf(text: string): Assignment {
  const groups = findUnitGroups(text);
  const lead = union(...groups.map((g) => g.lead));
  return { lead, units: union(...groups.map((g) => g.units)).filter((u) => !lead.includes(u)) };
}

export function withoutUnitGroups(text: string): string {
  let out = text;
  for (const g of [...findUnitGroups(text)].reverse()) out = out.slice(0, g.start) + out.slice(g.end);
  return out;
}

/** A paragraph that is nothing but units: "责任单位:区发改委、区财政局", "〔牵头单位:…;责任单位:…〕". */
export function isUnitLine(paragraph: string): boolean {
  const text = paragraph.trim().replace(/[。.]$/, "");
  const groups = findUnitGroups(text);
  return groups.length > 0 && groups[0]!.start === 0 && groups.at(-1)!.end === text.length
    && groups.every((g, i) => i === 0 || /^[\s;,；，]*$/.test(text.slice(groups[i - 1]!.end, g.start)));
}

export interface StandingNote {
  /** The rule as written (simplified). */
  note: string;
  units: string[];
  /** "列第一位的为牵头单位": in every later task the first unit listed leads. */
  firstLeads?: boolean;
}

const NOT_LISTED = "(?:不再|不另|不)(?:一一|逐一|单独|重复|另行)?列(?:出|明|举)";
const CLAUSE = "[^。;；\\n]";
const NOTES: RegExp[] = [
  // 以下各项工作均需各县(市、区)人民政府负责落实,不再一一列出
  new RegExp(`以下${CLAUSE}*?(?:均需|均须|均由|均要|均应|都需|都要|都由)(${CLAUSE}*?)(?:负责落实|共同落实|抓好落实|负责|落实|参与|配合|完成)${CLAUSE}*?${NOT_LISTED}`, "gd"),
  // 以下各项任务均由各县区政府负责 (no 不再列出: 以下…均由 says it)
  new RegExp(`以下${CLAUSE}*?(?:均由|都由)(${CLAUSE}*?)(?:负责落实|共同落实|负责|落实|牵头)(?![^。;；\\n]*${NOT_LISTED})`, "gd"),
  // 各县(市、区)均为责任单位,不再列出
  new RegExp(`(?:^|(?<=[(（〔\\[【。;；\\n:：]))(${CLAUSE}*?)(?:均为|均是|都是|都为|为)(?:以下|各项|所有|全部)?(?:任务|工作)?(?:的)?(?:共同)?(?:责任单位|责任主体|落实单位|实施主体|责任部门)${CLAUSE}*?${NOT_LISTED}`, "gd"),
];
const NOTE_PREFIX = /^(?:注[:：])?(?:以下|上述|下列|本方案|本要点)?(?:各项|所有|全部|所列)?(?:重点)?(?:任务|工作)?(?:中|的)?[,，]?/;

/** Where the text after the last bracket left open starts: "重点任务(各县(市、区)" → 5. */
function afterUnclosed(s: string): number {
  const open: number[] = [];
  [...s].forEach((ch, i) => {
    if (OPEN.includes(ch)) open.push(i);
    else if (CLOSE.includes(ch)) open.pop();
  });
  return open.length > 0 ? open.at(-1)! + 1 : 0;
}

/** Standing rules: "以下均需…落实,不再列出", "X均为责任单位,不再列出", "列第一位的为牵头单位". */
export function findNotes(text: string): StandingNote[] {
  const found: (StandingNote & { at: number })[] = [];
  for (const re of NOTES) {
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      if (found.some((f) => f.at < end && m.index <= f.at + f.note.length)) continue;
      const [from, to] = m.indices![1]!;
      // "重点任务(各县(市、区)均为…": the rule starts inside the bracket left open before it.
      const start = m.index + afterUnclosed(text.slice(m.index, to));
      const units = splitUnits(text.slice(Math.max(from, start), to).replace(NOTE_PREFIX, ""));
      if (units.length === 0) continue;
      found.push({ at: start, note: text.slice(start, end), units });
    }
  }
  for (const m of text.matchAll(new RegExp(`[(（]?${FIRST_LEADS.source}[)）]?`, "g"))) {
    // Only a rule standing on its own, not one inside a unit bracket (that bracket reads it itself).
    const before = text.slice(0, m.index);
    if (/(?:单位|部门)[:：][^()（）\n]*$/.test(before)) continue;
    found.push({ at: m.index, note: m[0].replace(/^[(（]|[)）]$/g, ""), units: [], firstLeads: true });
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...n }) => n);
}
