import { copyFileSync, existsSync, rmSync, statSync } from "node:fs";
import Database from "libsql";

export const SOURCE = "data/bench.db";
export const TARGET = "data/bench-web.db";

/**
 * Copies the benchmark store so the web server never shares a file with another benchmark.
 * A read transaction pins the source's WAL (no checkpoint past it, no WAL restart) while the main file and
 * then the WAL are copied; the copy's recovery keeps every committed frame and drops a torn tail. Readers do not
 * block writers in WAL mode, so a concurrent writer is never stalled.
 */
export function copyStore(): { mb: number; seconds: number; wal: boolean } {
  const start = performance.now();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(TARGET + suffix, { force: true });
  const src = new Database(SOURCE);
  try {
    src.exec("BEGIN");
    src.prepare("SELECT count(*) FROM sqlite_master").get();
    copyFileSync(SOURCE, TARGET);
    const wal = existsSync(`${SOURCE}-wal`) && statSync(`${SOURCE}-wal`).size > 0;
    if (wal) copyFileSync(`${SOURCE}-wal`, `${TARGET}-wal`);
    src.exec("COMMIT");
    const mb = (statSync(TARGET).size + (wal ? statSync(`${TARGET}-wal`).size : 0)) / 1048576;
    return { mb, seconds: (performance.now() - start) / 1000, wal };
  } finally {
    src.close();
  }
}

export interface Ids {
  districtId: number;
  districtCode: string;
  districtName: string;
  latestMonth: string | null;
  bodies: number;
}

/** The first district (by sort order) and the store's size, read from the copy. */
export function readIds(path = TARGET): Ids {
  const db = new Database(path, { readonly: true });
  try {
    const d = db.prepare("SELECT id, code, name FROM org_units WHERE level = 'district' ORDER BY sort_order, id LIMIT 1").get() as
      | { id: number; code: string; name: string }
      | undefined;
    if (!d) throw new Error(`${path} 中没有区县 has no district`);
    const m = db.prepare("SELECT max(month) AS m FROM composite_scores").get() as { m: string | null };
    const n = db.prepare("SELECT count(*) AS n FROM entities").get() as { n: number };
    return { districtId: d.id, districtCode: d.code, districtName: d.name, latestMonth: m.m, bodies: n.n };
  } finally {
    db.close();
  }
}
