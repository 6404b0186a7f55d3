import { canonicalKey, canonicalKeys, GROUP_NAME } from "./canonical";

export interface DepartmentRef {
  id: number;
  name: string;
  shortName: string;
}

export type MatchStatus = "matched" | "several" | "unmatched";

export interface UnitMatch {
  writtenAs: string;
  status: MatchStatus;
  /** The departments it is settled to (matched), or proposed (several). */
  departmentIds: number[];
  /** Closest departments for a person to choose from, best first. */
  suggestions: { id: number; name: string; score: number }[];
  reason: string;
}

/**
 * Matches a unit name as a plan wrote it to the department list: first what the office settled before,
 * then the family of the name, then the closest names by shared characters for a person to choose.
 */
export function matchUnit(writtenAs: string, departments: DepartmentRef[], settled: Map<string, number[]> = new Map()): UnitMatch {
  const suggestions = closest(writtenAs, departments);
  const remembered = settled.get(writtenAs);
  if (remembered && remembered.length > 0) return { writtenAs, status: "matched", departmentIds: remembered, suggestions, reason: "按此前的确认" };
  const keys = canonicalKeys(writtenAs);
  const byKey = (key: string) => departments.filter((d) => canonicalKey(d.name) === key || canonicalKey(d.shortName) === key).map((d) => d.id);
  if (GROUP_NAME.test(writtenAs) || keys.length > 1) {
    return { writtenAs, status: "several", departmentIds: keys.flatMap(byKey), suggestions, reason: keys.length > 1 ? "名称包含多个部门" : "泛指多个单位，需人工确定" };
  }
  const ids = keys.length === 1 ? byKey(keys[0]!) : [];
  if (ids.length === 1) return { writtenAs, status: "matched", departmentIds: ids, suggestions, reason: "按部门名称匹配" };
  return { writtenAs, status: "unmatched", departmentIds: [], suggestions, reason: ids.length > 1 ? "对应多个部门" : "部门清单中没有对应名称" };
}

function closest(name: string, departments: DepartmentRef[]): UnitMatch["suggestions"] {
  const grams = bigrams(strip(name));
  return departments
    .map((d) => ({ id: d.id, name: d.shortName, score: Math.max(dice(grams, bigrams(strip(d.name))), dice(grams, bigrams(strip(d.shortName)))) }))
    .filter((s) => s.score > 0.2)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((s) => ({ ...s, score: Math.round(s.score * 100) / 100 }));
}

// Level prefixes say nothing about which department it is.
function strip(name: string): string {
  return name.replace(/^(中共)?(示范)?(市|区|县)?/, "").replace(/[（）()\s]/g, "");
}

function bigrams(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length - 1; i++) out.push(text.slice(i, i + 2));
  return out;
}

function dice(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const pool = [...b];
  let shared = 0;
  for (const g of a) {
    const at = pool.indexOf(g);
    if (at >= 0) {
      shared++;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}
