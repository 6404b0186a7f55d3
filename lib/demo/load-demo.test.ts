import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { loadDemoCity } from "./load-demo";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function tableDigest(url: string): Promise<string> {
  const db = openDb({ url });
  const parts: string[] = [];
  for (const table of ["entities", "sgs_records", "tax_ratings", "blacklist_entries", "decision_counts"]) {
    const r = await db.$client.execute(`SELECT count(*) AS n, total(id) AS s, max(id) AS m FROM ${table}`);
    parts.push(JSON.stringify(r.rows[0]));
  }
  const codes = await db.$client.execute("SELECT group_concat(uscc, ',') AS c FROM (SELECT uscc FROM entities ORDER BY id)");
  db.$client.close();
  return parts.join("|") + String(codes.rows[0]?.c);
}

describe("loadDemoCity", () => {
  it("writes every generated row into a fresh file, and reloading gives the same store", async () => {
    const dir = mkdtempSync(join(tmpdir(), "credit-seed-"));
    dirs.push(dir);
    const url = `file:${join(dir, "demo.db")}`;
    const options = { seed: 11, entities: 3_000, endMonth: "2026-10" };
    const first = await loadDemoCity({ url }, options);
    expect(first.rows.entities).toBe(3_000);
    const db = openDb({ url });
    const count = await db.$client.execute("SELECT count(*) AS n FROM sgs_records");
    const meta = await db.$client.execute("SELECT value FROM app_meta WHERE key = 'dataset'");
    db.$client.close();
    expect(Number(count.rows[0]?.n)).toBe(first.rows.sgs_records);
    expect(meta.rows[0]?.value).toBe("demo");

    const digest = await tableDigest(url);
    await loadDemoCity({ url }, options);
    expect(await tableDigest(url)).toBe(digest);
  });
});
