import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, tuneLocalDb } from "./client";
import { MIGRATIONS_FOLDER, migrateDb } from "./migrate";

let t: TestDb;
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
    const dir = mkdtempSync(join(tmpdir(), "credit-migrations-"));
    try {
      cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
      const journal = JSON.parse(readFileSync(join(dir, "meta/_journal.json"), "utf8")) as { entries: { idx: number }[] };
      journal.entries = journal.entries.filter((e) => e.idx <= 19);
      writeFileSync(join(dir, "meta/_journal.json"), JSON.stringify(journal));
      await migrateDb(t.db, dir);
      const run = (sql: string) => t.db.$client.execute(sql);
      await run("INSERT INTO org_units (id, code, name, level) VALUES (1, '339900', '示范市', 'city')");
      await run("INSERT INTO departments (id, code, name, short_name) VALUES (1, 'samr', '市市场监督管理局', '市市场监管局')");
      await run(`INSERT INTO supervision_items (id, indicator_code, org_unit_id, month, deadline, created_by, created_at, record_count)
        VALUES (1, 'uscc_error_rate', 1, '2026-10', '2026-12-01', 'office', '2026-11-01', 1)`);
      await run("INSERT INTO supervision_item_departments (item_id, department_id) VALUES (1, 1)");
      await run("INSERT INTO supervision_records (item_id, position, data) VALUES (1, 1, '{}')");
      await run("INSERT INTO supervision_attachments (item_id, file_name, content_type, bytes, data, uploaded_by, uploaded_at) VALUES (1, 'a.pdf', 'application/pdf', 1, x'25', 'samr', '2026-11-02')");

      await migrateDb(t.db);
      const counts = await run(`SELECT (SELECT count(*) FROM supervision_items WHERE task_id IS NULL) AS items, (SELECT count(*) FROM supervision_records) AS records,
        (SELECT count(*) FROM supervision_item_departments) AS departments, (SELECT count(*) FROM supervision_attachments) AS attachments`);
      expect({ ...counts.rows[0] }).toEqual({ items: 1, records: 1, departments: 1, attachments: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("statistics after a migration that rebuilds an index", () => {
  it("are gathered again for that table on an analysed store, and nothing is analysed when no migration ran", async () => {
    // A store as it was before 0034 (which rebuilds the bodies' unit indexes), holding some bodies, analysed.
    const dir = mkdtempSync(join(tmpdir(), "credit-migrations-"));
    const url = `file:${join(dir, "old.db")}`;
    const old = openDb({ url });
    try {
      const folder = join(dir, "migrations");
      cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
      const journal = JSON.parse(readFileSync(join(folder, "meta/_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };
      const rebuild = journal.entries.find((e) => e.tag === "0034_unit_indexes_cover_search")!;
      journal.entries = journal.entries.filter((e) => e.idx < rebuild.idx);
      writeFileSync(join(folder, "meta/_journal.json"), JSON.stringify(journal));
      await tuneLocalDb(old, url);
      await migrateDb(old, folder);
      const q = (sql: string) => old.$client.execute(sql);
      await q("INSERT INTO org_units (id, code, name, level) VALUES (1, '339900', '示范市', 'city'), (2, '339901', '甲区', 'district')");
      for (let i = 0; i < 50; i++) await q(`INSERT INTO entities (name, kind, district_id, registered_on) VALUES ('主体${i}', 'enterprise', 2, '2020-01-01')`);
      await q("ANALYZE");
      const stat = async () => (await q("SELECT idx FROM sqlite_stat1 WHERE idx = 'entities_district_kind_alive_idx'")).rows.length;
      expect(await stat()).toBe(1);

      await migrateDb(old); // applies 0034 and later
      expect(await stat()).toBe(1);
      const plan = await q("EXPLAIN QUERY PLAN SELECT count(*) FROM entities WHERE district_id = 2 AND kind = 'enterprise' AND name LIKE '%1%'");
      expect(plan.rows.map((r) => String(r.detail)).join()).toContain("COVERING INDEX entities_district_kind_alive_idx");

      await q("DELETE FROM sqlite_stat1 WHERE idx = 'entities_district_kind_alive_idx'");
      await migrateDb(old); // nothing to apply: statistics are left as they are
      expect(await stat()).toBe(0);
    } finally {
      old.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
