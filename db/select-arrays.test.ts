import { createClient, type Client } from "@libsql/client";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { selectArrays } from "./select-arrays";

let dir: string;
let client: Client;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "select-arrays-"));
  client = createClient({ url: `file:${join(dir, "t.db")}` });
  await client.executeMultiple(`
    CREATE TABLE owners (id INTEGER PRIMARY KEY, district TEXT);
    CREATE TABLE items (id INTEGER PRIMARY KEY, owner_id INTEGER, listed_on TEXT, amount REAL, note TEXT);`);
  await client.execute("INSERT INTO owners (id, district) VALUES (1, '城关区'), (2, '西山区')");
  // Ids with gaps, an owner missing, nulls, a quote and a non-ASCII text, so the JSON round trip is exercised.
  const rows = Array.from({ length: 57 }, (_, i) => [i * 3 + 1, (i % 3) + 1, `2026-${String((i % 12) + 1).padStart(2, "0")}-01`, i % 5 === 0 ? null : i / 4, i === 7 ? `他说"不"` : null]);
  await client.batch(rows.map((args) => ({ sql: "INSERT INTO items VALUES (?, ?, ?, ?, ?)", args })), "write");
});
afterEach(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

const query = {
  key: "i.id",
  columns: ["i.id", "o.district", "i.listed_on", "i.amount", "i.note"],
  from: "FROM items i JOIN owners o ON o.id = i.owner_id",
  where: "i.listed_on <= ?",
  args: ["2026-09-30"],
};

describe("selectArrays", () => {
  it("returns the same rows, in key order, as a plain SELECT — in chunks smaller than, equal to and larger than the result", async () => {
    const plain = await client.execute({
      sql: "SELECT i.id, o.district, i.listed_on, i.amount, i.note FROM items i JOIN owners o ON o.id = i.owner_id WHERE i.listed_on <= ? ORDER BY i.id",
      args: ["2026-09-30"],
    });
    const expected = plain.rows.map((r) => [r.id, r.district, r.listed_on, r.amount, r.note]);
    expect(expected.length).toBeGreaterThan(10);
    for (const chunk of [1, 7, expected.length, expected.length + 1, 20_000]) {
      expect(await selectArrays(client, query, chunk), `chunks of ${chunk}`).toEqual(expected);
    }
  });

  it("returns no rows for an empty result", async () => {
    expect(await selectArrays(client, { ...query, args: ["2000-01-01"] })).toEqual([]);
  });
});
