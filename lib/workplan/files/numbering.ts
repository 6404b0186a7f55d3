/**
 * Word's automatic numbering (word/numbering.xml): the label a numbered paragraph shows — "一、", "（一）",
 * "1.", "（1）", "①" — rebuilt from the level's format and text, so a plan typed with Word's 自动编号 reads
 * like one typed by hand.
 */
import { tokenize } from "./xml";

interface Level {
  start: number;
  format: string;
  text: string;
  isLgl: boolean;
  styleId: string | null;
}

interface Num {
  abstractId: string;
  /** Levels the num restarts (w:startOverride) or redefines (w:lvlOverride/w:lvl). */
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

const CN_DIGITS = "零一二三四五六七八九";
const CN_LEGAL = "零壹贰叁肆伍陆柒捌玖";
const STEMS = "甲乙丙丁戊己庚辛壬癸";
const BRANCHES = "子丑寅卯辰巳午未申酉戌亥";

function chinese(n: number, digits = CN_DIGITS, ten = "十", hundred = "百"): string {
  if (n <= 0 || n >= 1000) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let out = h > 0 ? digits[h]! + hundred : "";
  if (t > 0) out += (t === 1 && h === 0 ? "" : digits[t]!) + ten;
  else if (h > 0 && u > 0) out += digits[0]!;
  if (u > 0) out += digits[u]!;
  return out;
}

function letters(n: number, base: "A" | "a"): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(base.charCodeAt(0) + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [value, s] of table) while (n >= value) { out += s; n -= value; }
  return out;
}

/** One counter value in a level's format (ECMA-376 ST_NumberFormat; the ones Chinese documents use). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
    case "koreanCounting":
      return chinese(n);
    case "chineseLegalSimplified":
    case "ideographLegalTraditional":
      return chinese(n, CN_LEGAL, "拾", "佰");
    case "ideographTraditional":
      return n >= 1 && n <= 10 ? STEMS[n - 1]! : String(n);
    case "ideographZodiac":
      return n >= 1 && n <= 12 ? BRANCHES[n - 1]! : String(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
    case "ideographEnclosedCircle":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case "decimalEnclosedParen":
      return `(${n})`;
    case "decimalEnclosedFullstop":
      return `${n}.`;
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "upperLetter":
      return letters(n, "A");
    case "lowerLetter":
      return letters(n, "a");
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

function emptyLevel(): Level {
  return { start: 1, format: "decimal", text: "", isLgl: false, styleId: null };
}

export interface NumberingDefinitions {
  abstracts: Map<string, Map<number, Level>>;
  nums: Map<string, Num>;
}

/** Reads word/numbering.xml; `w` is the prefix bound to WordprocessingML (almost always "w"). */
export function readNumbering(xml: string | null, w = "w"): NumberingDefinitions {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, Num>();
  if (xml === null) return { abstracts, nums };
  let levels: Map<number, Level> | null = null;
  let num: Num | null = null;
  let level: Level | null = null;
  let overrideLevel: number | null = null;
  const val = (attrs: Record<string, string>) => attrs[`${w}:val`];
  for (const t of tokenize(xml)) {
    if (t.type === "close") {
      if (t.name === `${w}:abstractNum`) levels = null;
      else if (t.name === `${w}:num`) num = null;
      else if (t.name === `${w}:lvl`) level = null;
      else if (t.name === `${w}:lvlOverride`) overrideLevel = null;
      continue;
    }
    if (t.type !== "open") continue;
    const a = t.attrs;
    switch (t.name) {
      case `${w}:abstractNum`:
        levels = new Map();
        abstracts.set(a[`${w}:abstractNumId`] ?? "", levels);
        break;
      case `${w}:num`:
        num = { abstractId: "", starts: new Map(), levels: new Map() };
        nums.set(a[`${w}:numId`] ?? "", num);
        break;
      case `${w}:abstractNumId`:
        if (num) num.abstractId = val(a) ?? "";
        break;
      case `${w}:lvlOverride`:
        overrideLevel = Number(a[`${w}:ilvl`] ?? 0);
        break;
      case `${w}:startOverride`:
        if (num && overrideLevel !== null) num.starts.set(overrideLevel, Number(val(a) ?? 1));
        break;
      case `${w}:lvl`: {
        if (t.selfClosing) break;
        level = emptyLevel();
        const ilvl = Number(a[`${w}:ilvl`] ?? overrideLevel ?? 0);
        if (num && overrideLevel !== null) num.levels.set(ilvl, level);
        else if (levels) levels.set(ilvl, level);
        break;
      }
      case `${w}:start`:
        if (level) level.start = Number(val(a) ?? 1);
        break;
      case `${w}:numFmt`:
        if (level) level.format = val(a) ?? "decimal";
        break;
      case `${w}:lvlText`:
        if (level) level.text = val(a) ?? "";
        break;
      case `${w}:isLgl`:
        if (level) level.isLgl = !["0", "false", "off"].includes(val(a) ?? "");
        break;
      case `${w}:pStyle`:
        if (level) level.styleId = val(a) ?? null;
        break;
    }
  }
  return { abstracts, nums };
}

/** Counts numbered paragraphs in document order and gives each its label. */
export class NumberingCounter {
  private readonly counters = new Map<string, (number | null)[]>();
  private readonly started = new Set<string>();

  constructor(private readonly defs: NumberingDefinitions) {}

  /** The level a style's numbering uses when the style names none: the level linked to the style, else 0. */
  levelForStyle(numId: string, styleId: string): number {
    const num = this.defs.nums.get(numId);
    const levels = num ? this.defs.abstracts.get(num.abstractId) : undefined;
    for (const [ilvl, level] of levels ?? []) if (level.styleId === styleId) return ilvl;
    return 0;
  }

  private level(num: Num, ilvl: number): Level | null {
    return num.levels.get(ilvl) ?? this.defs.abstracts.get(num.abstractId)?.get(ilvl) ?? null;
  }

  /** The label shown before a paragraph numbered (numId, ilvl), e.g. "（一）"; "" for bullets and none. */
  label(numId: string, ilvl: number): string {
    const num = this.defs.nums.get(numId);
    if (!num || ilvl < 0 || ilvl > 8) return "";
    const def = this.level(num, ilvl);
    if (!def) return "";
    // Nums over one abstract definition continue one list, unless a num restarts it (w:startOverride).
    const key = num.starts.size > 0 || num.levels.size > 0 ? `num:${numId}` : `abstract:${num.abstractId}`;
    const counters = this.counters.get(key) ?? Array<number | null>(9).fill(null);
    this.counters.set(key, counters);
    if (!this.started.has(`${key}:${ilvl}`) && num.starts.has(ilvl)) counters[ilvl] = null;
    this.started.add(`${key}:${ilvl}`);
    const startOf = (l: number) => num.starts.get(l) ?? this.level(num, l)?.start ?? 1;
    counters[ilvl] = counters[ilvl] === null || counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl]! + 1;
    for (let l = ilvl + 1; l < 9; l++) counters[l] = null;
    for (let l = 0; l < ilvl; l++) if (counters[l] === null) counters[l] = startOf(l);
    if (def.format === "bullet" || def.format === "none") return "";
    return def.text.replace(/%([1-9])/g, (_m, d: string) => {
      const l = Number(d) - 1;
      const value = counters[l] ?? startOf(l);
      const format = def.isLgl ? "decimal" : (this.level(num, l)?.format ?? "decimal");
      return formatNumber(value, format);
    });
  }
}
