import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoCity } from "@/lib/demo/load-demo";

// db:seed replaces a whole store: never one holding an office's own data unless told to, and never halfway.
const dir = mkdtempSync(join(tmpdir(), "credit-seed-cli-"));
const path = join(dir, "city.db");
const url = `file:${path}`;
beforeAll(async () => {
  await loadDemoCity({ url }, { seed: 5, entities: 1_500, endMonth: "2026-10" });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function counts() {
  const client = createClient({ url });
  try {
    const one = async (sql: string) => Number((await client.execute(sql)).rows[0]![0]);
    return { entities: await one("SELECT count(*) FROM entities"), plans: await one("SELECT count(*) FROM work_plans"), values: await one("SELECT count(*) FROM indicator_values") };
  } finally {
    client.close();
  }
}

const seed = (args: string[]) => spawnSync("npx", ["--no-install", "tsx", "scripts/db-seed.ts", ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: url } });

describe("npm run db:seed on a store in use", { timeout: 120_000 }, () => {
  it("refuses to replace an office's own data without --replace, and says what it would lose", async () => {
    const client = createClient({ url });
    await client.execute("INSERT INTO work_plans (title, year, original_text, loaded_on) VALUES ('本市2026年工作要点', 2026, '一、……', '2026-11-01')");
    client.close();
    const before = await counts();
    expect(before.plans).toBe(1);
    const refused = seed(["--entities", "1000"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("工作要点 1 条");
    expect(refused.stderr).toContain("--replace");
    expect(await counts()).toEqual(before);
  });

  it("leaves the store exactly as it was when stopped midway, and replaces it whole when it finishes", async () => {
    const before = await counts();
    const child = spawn("npx", ["--no-install", "tsx", "scripts/db-seed.ts", "--replace", "--entities", "200000"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore", detached: true });
    await new Promise((r) => setTimeout(r, 6_000));
    expect(child.exitCode, "the seed finished before it could be stopped").toBeNull();
    process.kill(-child.pid!, "SIGKILL");
    await new Promise((r) => child.once("close", r));
    expect(await counts()).toEqual(before);
    // Only the store's own files remain beside it (the scratch of the stopped seed may stay; never in its place).
    expect(existsSync(path)).toBe(true);
    for (const f of readdirSync(dir).filter((f) => f.includes(".seeding-"))) rmSync(join(dir, f), { force: true });
    const done = seed(["--replace", "--entities", "1000"]);
    expect(done.status, done.stderr).toBe(0);
    const after = await counts();
    expect(after).toMatchObject({ entities: 1000, plans: 0 });
    expect(after.values).toBeGreaterThan(0);
  });
});
