import type { ColumnSpec, Layout } from "./layouts/types";

/**
 * A header as files spell it, reduced to what identifies it: full-width forms folded (NFKC), every space
 * and the template's required mark removed, brackets of either width alike, Latin letters upper-case.
 */
export function headerKey(raw: string): string {
  return raw.normalize("NFKC").replace(/[\s\u200b-\u200d\ufeff*＊]/g, "").replace(/[【〔\[]/g, "(").replace(/[】〕\]]/g, ")")
    .replace(/\((必填|选填|可选)\)$/, "").toUpperCase();
}

export interface HeaderMatch {
  /** For each field, the file's column positions that fill it (in priority order). */
  positions: Map<string, number[]>;
  /** Columns of the file that mean nothing here: ignored, and said so. */
  unknown: string[];
  /** Older-layout names that were read as their current columns, e.g. 处罚事由 → 违法事实. */
  legacy: { from: string; to: string }[];
  /** Required columns the file lacks (rows may still be stored; their rules will fail). */
  missingRequired: ColumnSpec[];
  /** Columns without which nothing can be stored. */
  missingKeys: ColumnSpec[];
  /** Headers that appear twice: the first one is read. */
  duplicates: string[];
}

function namesOf(column: ColumnSpec): { key: string; legacy: boolean; rank: number }[] {
  const names = [column.header, column.code, ...(column.aliases ?? [])].filter((n): n is string => !!n);
  return [...names.map((n, i) => ({ key: headerKey(n), legacy: false, rank: i })),
    ...(column.legacy ?? []).map((n, i) => ({ key: headerKey(n), legacy: true, rank: 100 + i }))];
}

/** Matches a file's header row to a layout: by Chinese name or code, in any order. */
export function matchHeaders(cells: readonly string[], layout: Layout): HeaderMatch {
  const byKey = new Map<string, { column: ColumnSpec; legacy: boolean; rank: number }>();
  for (const column of layout.columns) for (const n of namesOf(column)) if (!byKey.has(n.key)) byKey.set(n.key, { column, legacy: n.legacy, rank: n.rank });
  const ignored = new Set((layout.knownIgnored ?? []).map(headerKey));
  const found = new Map<string, { position: number; rank: number }[]>();
  const seen = new Set<string>();
  const unknown: string[] = [];
  const legacy: HeaderMatch["legacy"] = [];
  const duplicates: string[] = [];
  cells.forEach((cell, position) => {
    const key = headerKey(cell);
    if (!key) return;
    if (seen.has(key)) {
      duplicates.push(cell.trim());
      return;
    }
    seen.add(key);
    const hit = byKey.get(key);
    if (!hit) {
      if (!ignored.has(key)) unknown.push(cell.trim());
      return;
    }
    if (hit.legacy) legacy.push({ from: cell.trim(), to: hit.column.header });
    const list = found.get(hit.column.field) ?? [];
    list.push({ position, rank: hit.rank });
    found.set(hit.column.field, list);
  });
  const positions = new Map<string, number[]>();
  for (const [field, list] of found) {
    const column = layout.columns.find((c) => c.field === field)!;
    const sorted = list.sort((a, b) => a.rank - b.rank).map((x) => x.position);
    // A joined field reads every column naming it; any other reads the best-named one present.
    positions.set(field, column.joins ? sorted : sorted.slice(0, 1));
  }
  const missing = (c: ColumnSpec) => !positions.has(c.field);
  return {
    positions, unknown, legacy, duplicates,
    missingRequired: layout.columns.filter((c) => c.required && missing(c)),
    missingKeys: layout.columns.filter((c) => layout.keyFields.includes(c.field) && missing(c)),
  };
}

/** How many of a row's cells name a column of the layout: the header row is the first that names several. */
export function headerScore(cells: readonly string[], layout: Layout): number {
  const keys = new Set(layout.columns.flatMap((c) => namesOf(c).map((n) => n.key)));
  return cells.filter((c) => keys.has(headerKey(c))).length;
}
