import type { Indicator } from "@/db/schema";

export interface SortableRow {
  name: string;
  score: number | null;
  rank: number | null;
  cells: Record<string, { value: number | null; score: number | null }>;
}

export interface RankingSort {
  column: string;
  dir: "asc" | "desc";
}

/**
 * Rows ordered by a column: "rank" (default), "name", "score", or an indicator code, whose natural
 * order is best first (its direction). Rows without a value always go last.
 */
export function sortRanking<T extends SortableRow>(rows: T[], sort: RankingSort, catalogue: Pick<Indicator, "code" | "direction">[]): T[] {
  const indicator = catalogue.find((i) => i.code === sort.column);
  const key = (row: T): number | string | null => {
    if (sort.column === "name") return row.name;
    if (sort.column === "score") return row.score;
    if (indicator) return row.cells[indicator.code]?.value ?? null;
    return row.rank;
  };
  const factor = sort.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === kb ? 0 : ka === null ? 1 : -1;
    const cmp = typeof ka === "string" ? ka.localeCompare(String(kb), "zh-CN") : ka - (kb as number);
    return cmp * factor || (a.rank ?? 1e9) - (b.rank ?? 1e9);
  });
}

/** The direction a column sorts in when first clicked: best first. */
export function defaultDir(column: string, catalogue: Pick<Indicator, "code" | "direction">[]): "asc" | "desc" {
  if (column === "rank" || column === "name") return "asc";
  if (column === "score") return "desc";
  return catalogue.find((i) => i.code === column)?.direction === "lower" ? "asc" : "desc";
}
