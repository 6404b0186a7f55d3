import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { openDb, type Db } from "@/db/client";
import { loadDemoCity } from "@/lib/demo/load-demo";

/**
 * A generated demo city in a real libSQL file for the tests of one file (or describe block): loaded before them and
 * handed to `ready`, deleted after.
 */
export function useDemoStore(name: string, options: { seed: number; entities: number; endMonth?: string }, ready: (db: Db) => void): void {
  const dir = mkdtempSync(join(tmpdir(), `credit-${name}-`));
  const url = `file:${join(dir, "demo.db")}`;
  let db: Db | undefined;
  beforeAll(async () => {
    await loadDemoCity({ url }, { seed: options.seed, entities: options.entities, endMonth: options.endMonth ?? "2026-10" });
    db = openDb({ url });
    ready(db);
  }, 180_000);
  afterAll(() => {
    db?.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });
}
