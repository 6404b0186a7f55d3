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
export function copyStore(source = SOURCE, target = TARGET): { mb: number; seconds: number; wal: boolean } {
  const start = performance.now();
  const TARGET = target;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(TARGET + suffix, { force: true });
  const src = new Database(source);
  try {
    src.exec("BEGIN");
    src.prepare("SELECT count(*) FROM sqlite_master").get();
    copyFileSync(source, TARGET);
    const wal = existsSync(`${source}-wal`) && statSync(`${source}-wal`).size > 0;
    if (wal) copyFileSync(`${source}-wal`, `${TARGET}-wal`);
    src.exec("COMMIT");
    const mb = (statSync(TARGET).size + (wal ? statSync(`${TARGET}-wal`).size : 0)) / 1048576;
    return { mb, seconds: (performance.now() - start) / 1000, wal };
  } finally {
    src.close();
  }
}

export interface Unit {
  id: number;
  code: string;
  name: string;
}

export interface Ids {
  districtId: number;
  districtCode: string;
  districtName: string;
  /** The department whose account the benchmark signs in as (samr, 市场监管), and its id for /departments/<id>. */
  department: { id: number; code: string; name: string };
  districts: Unit[];
  towns: Unit[];
  departmentIds: number[];
  indicatorCodes: string[];
  months: string[];
  latestMonth: string | null;
  bodies: number;
  /** Demo accounts present (bench:seed creates them with the city). */
  usernames: string[];
  /** The 督办 item handed to the department with the most frozen records: its page judges them all when read. */
  largestItem: { id: number; records: number } | null;
}

/** The first district (by sort order), what the distinct-URL crawl picks from, and the store's size, read from the copy. */
export function readIds(path = TARGET, departmentCode = "samr"): Ids {
  const db = new Database(path, { readonly: true });
  try {
    const units = (level: string) => db.prepare("SELECT id, code, name FROM org_units WHERE level = ? ORDER BY sort_order, id").all(level) as Unit[];
    const districts = units("district");
    const d = districts[0];
    if (!d) throw new Error(`${path} 中没有区县 has no district`);
    const dep = db.prepare("SELECT id, code, name FROM departments WHERE code = ?").get(departmentCode) as Ids["department"] | undefined;
    if (!dep) throw new Error(`${path} 中没有部门 has no department ${departmentCode}`);
    const department = { id: dep.id, code: dep.code, name: dep.name };
    const column = <T>(sql: string) => (db.prepare(sql).raw(true).all() as T[][]).map((r) => r[0]!);
    const months = column<string>("SELECT DISTINCT month FROM composite_scores ORDER BY month");
    const n = db.prepare("SELECT count(*) AS n FROM entities").get() as { n: number };
    return {
      districtId: d.id, districtCode: d.code, districtName: d.name, department, districts, towns: units("town"),
      departmentIds: column<number>("SELECT id FROM departments ORDER BY sort_order, id"),
      indicatorCodes: column<string>("SELECT code FROM indicators ORDER BY sort_order, code"),
      months, latestMonth: months.at(-1) ?? null, bodies: n.n,
      usernames: column<string>("SELECT username FROM users ORDER BY id"),
      largestItem: (db.prepare(`SELECT i.id, i.record_count AS records FROM supervision_items i
        JOIN supervision_item_departments d ON d.item_id = i.id WHERE d.department_id = ? ORDER BY i.record_count DESC, i.id LIMIT 1`)
        .get(dep.id) as { id: number; records: number } | undefined) ?? null,
    };
  } finally {
    db.close();
  }
}

/** The pages the web benchmarks time (issue 17): path and label, for the store's first district and department. */
export function benchPages(ids: Ids): [string, string][] {
  const district = ids.districts[0]!;
  return [
    ["/", "总览"],
    ["/rankings", "排名"],
    [`/departments/${ids.department.id}`, `部门 ${ids.department.code}`],
    [`/indicators/sgs_timeliness_rate?unit=${district.id}`, `指标 ${district.name}`],
    ["/supervision", "督办"],
    ...(ids.largestItem ? [[`/supervision/${ids.largestItem.id}`, `督办事项 ${ids.largestItem.records}条`] as [string, string]] : []),
  ];
}
