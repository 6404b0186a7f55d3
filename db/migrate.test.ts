import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ResultSet } from "@libsql/client";
import { openDb, tuneLocalDb, type Db } from "./client";
import { MIGRATIONS_FOLDER, migrateDb } from "./migrate";

let t: TestDb;

/**
 * A new store file as it was before the migration whose tag starts with `tag`: only the committed migrations before
 * it applied (from a copy of the folder with a shortened journal). `migrateDb(old.db)` then applies the rest.
 */
async function storeBefore(tag: string): Promise<{ db: Db; run: (sql: string) => Promise<ResultSet>; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "credit-migrations-"));
  const folder = join(dir, "migrations");
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journal = JSON.parse(readFileSync(join(folder, "meta/_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };
  const first = journal.entries.find((e) => e.tag.startsWith(tag));
  if (!first) throw new Error(`no migration ${tag}`);
  journal.entries = journal.entries.filter((e) => e.idx < first.idx);
  writeFileSync(join(folder, "meta/_journal.json"), JSON.stringify(journal));
  const url = `file:${join(dir, "old.db")}`;
  const db = openDb({ url });
  const cleanup = () => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await tuneLocalDb(db, url);
    await migrateDb(db, folder);
    const applied = await db.$client.execute("SELECT count(*) AS n FROM __drizzle_migrations");
    expect(Number(applied.rows[0]?.n)).toBe(first.idx);
  } catch (error) {
    cleanup();
    throw error;
  }
  return { db, run: (sql) => db.$client.execute(sql), cleanup };
}

beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.cleanup());

describe("migrations", () => {
  it("create every table with its named indexes, and a second run changes nothing", async () => {
    await migrateDb(t.db);
    const tables = await t.db.$client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    expect(tables.rows.map((r) => r.name)).toEqual(expect.arrayContaining([
      "org_units", "departments", "entities", "sgs_records", "decision_counts", "xyd_enrolments", "xyd_loans",
      "tax_ratings", "blacklist_entries", "gov_default_cases", "national_ranks", "indicators", "indicator_values", "app_meta",
    ]));
    const indexes = await t.db.$client.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'");
    expect(indexes.rows.map((r) => r.name)).toEqual(expect.arrayContaining([
      "entities_district_kind_alive_idx", "sgs_district_decision_idx", "gov_default_district_opened_idx", "indicator_values_org_month_idx",
    ]));
  });
});

describe("a migration that rebuilds a table", () => {
  it("keeps the rows of the tables that point at it (督办 items made nullable keep their records and departments)", async () => {
    // The store as it was before 0020: migrations up to 0019 only.
    const old = await storeBefore("0020");
    try {
      const run = old.run;
      await run("INSERT INTO org_units (id, code, name, level) VALUES (1, '339900', '示范市', 'city')");
      await run("INSERT INTO departments (id, code, name, short_name) VALUES (1, 'samr', '市市场监督管理局', '市市场监管局')");
      await run(`INSERT INTO supervision_items (id, indicator_code, org_unit_id, month, deadline, created_by, created_at, record_count)
        VALUES (1, 'uscc_error_rate', 1, '2026-10', '2026-12-01', 'office', '2026-11-01', 1)`);
      await run("INSERT INTO supervision_item_departments (item_id, department_id) VALUES (1, 1)");
      await run("INSERT INTO supervision_records (item_id, position, data) VALUES (1, 1, '{}')");
      await run("INSERT INTO supervision_attachments (item_id, file_name, content_type, bytes, data, uploaded_by, uploaded_at) VALUES (1, 'a.pdf', 'application/pdf', 1, x'25', 'samr', '2026-11-02')");

      await migrateDb(old.db);
      const counts = await run(`SELECT (SELECT count(*) FROM supervision_items WHERE task_id IS NULL) AS items, (SELECT count(*) FROM supervision_records) AS records,
        (SELECT count(*) FROM supervision_item_departments) AS departments, (SELECT count(*) FROM supervision_attachments) AS attachments`);
      expect({ ...counts.rows[0] }).toEqual({ items: 1, records: 1, departments: 1, attachments: 1 });
    } finally {
      old.cleanup();
    }
  });
});

describe("statistics after a migration that rebuilds an index", () => {
  it("are gathered again for that table on an analysed store, and nothing is analysed when no migration ran", async () => {
    // A store as it was before 0034 (which rebuilds the bodies' unit indexes), holding some bodies, analysed.
    const old = await storeBefore("0034_unit_indexes_cover_search");
    try {
      const q = old.run;
      await q("INSERT INTO org_units (id, code, name, level) VALUES (1, '339900', '示范市', 'city'), (2, '339901', '甲区', 'district')");
      for (let i = 0; i < 50; i++) await q(`INSERT INTO entities (name, kind, district_id, registered_on) VALUES ('主体${i}', 'enterprise', 2, '2020-01-01')`);
      await q("ANALYZE");
      const stat = async () => (await q("SELECT idx FROM sqlite_stat1 WHERE idx = 'entities_district_kind_alive_idx'")).rows.length;
      expect(await stat()).toBe(1);

      await migrateDb(old.db); // applies 0034 and later
      expect(await stat()).toBe(1);
      const plan = await q("EXPLAIN QUERY PLAN SELECT count(*) FROM entities WHERE district_id = 2 AND kind = 'enterprise' AND name LIKE '%1%'");
      expect(plan.rows.map((r) => String(r.detail)).join()).toContain("COVERING INDEX entities_district_kind_alive_idx");

      await q("DELETE FROM sqlite_stat1 WHERE idx = 'entities_district_kind_alive_idx'");
      await migrateDb(old.db); // nothing to apply: statistics are left as they are
      expect(await stat()).toBe(0);
    } finally {
      old.cleanup();
    }
  });
});

describe("records frozen in a 督办 item before they carried their key (0037)", () => {
  it("get the record id of their frozen row as record_key; a row without an integer id keeps none", async () => {
    const old = await storeBefore("0037");
    try {
      await old.run("INSERT INTO org_units (id, code, name, level) VALUES (1, '339900', '示范市', 'city')");
      await old.run(`INSERT INTO supervision_items (id, indicator_code, org_unit_id, month, deadline, created_by, created_at, record_count)
        VALUES (1, 'uscc_error_rate', 1, '2026-10', '2026-12-01', 'office', '2026-11-01', 3)`);
      await old.run(`INSERT INTO supervision_records (item_id, position, data) VALUES
        (1, 1, '{"id": 42, "name": "示范市第一商贸有限公司"}'), (1, 2, '{"id": "42"}'), (1, 3, '{"name": "无编号"}')`);

      await migrateDb(old.db);
      const keys = await old.run("SELECT position, record_key FROM supervision_records ORDER BY position");
      expect(keys.rows.map((r) => [Number(r.position), r.record_key === null ? null : Number(r.record_key)])).toEqual([[1, 42], [2, null], [3, null]]);
    } finally {
      old.cleanup();
    }
  });
});
