import type { RankingSort } from "./sort-ranking";

/** The ranking's sort from the URL; anything unexpected falls back to rank order. */
export function parseSort(raw: Record<string, string | string[] | undefined>, columns: string[]): RankingSort {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const column = first(raw.sort);
  const dir = first(raw.dir) === "desc" ? "desc" : "asc";
  return column && (["rank", "name", "score"].includes(column) || columns.includes(column)) ? { column, dir } : { column: "rank", dir: "asc" };
}
