import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename } from "node:path";
import Database from "libsql";
import { openDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { DEMO_PASSWORD } from "@/lib/demo/accounts";
import { signInMany } from "./bench-web/auth";
import { percentile } from "./bench-web/load";
import { buildIfStale, freePort, startServer, waitUntilUp, type Server } from "./bench-web/server";
import { copyStore, SOURCE } from "./bench-web/store";
import { writePenaltyFile } from "./bench-import/generate";

// Benchmark: a department's 1,000,000-row 行政处罚 file (GB18030, national headers, 1 % unusable rows) imported into
// the large city through `npm run import`: alone, twice (the second time nothing changes), then again into a fresh copy
// while 20 signed-in readers ask for 总览; beside it, sqlite3's own .import of the same file into a bare table, for a
// figure that travels.
const TARGETS = { rowsPerSecond: 30_000, peakMb: 500 };
const READERS = 20;
const TARGET = "data/bench-import.db";

function args() {
  const argv = process.argv.slice(2);
  const value = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
  return { db: value("--db") ?? SOURCE, rows: Number(value("--rows") ?? 1_000_000), bad: Number(value("--bad") ?? 0.01) };
}

const fmt = (n: number) => Math.round(n).toLocaleString("en");
let server: Server | undefined;
process.on("exit", () => server?.stop());

interface ImportRun { seconds: number; peakMb: number; phases: string; summary: Record<string, number> }

function runImport(file: string): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/import.ts", "sgs-penalty", file, "--department", "市市场监管局", "--json"], {
      env: { ...process.env, DATABASE_URL: `file:${TARGET}`, IMPORT_REPORT_MEMORY: "1" }, stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c));
    child.stderr.on("data", (c: Buffer) => (err += c));
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`导入失败 import exited ${code}: ${err.slice(-2000)}`));
      resolve({ seconds, phases: /phases (.*)/.exec(err)?.[1] ?? "?", peakMb: Number(/peak rss ([\d.]+) MB/.exec(err)?.[1] ?? NaN), summary: JSON.parse(out.trim().split("\n").at(-1)!) });
    });
  });
}

/** 20 sessions asking for 总览 one request after another until `until` settles; every latency and status kept. */
async function readWhile<T>(base: string, cookies: string[], until: Promise<T>): Promise<{ result: T; latencies: number[]; errors: number; statuses: Map<number, number> }> {
  let done = false;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  const loops = cookies.map(async (cookie) => {
    while (!done) {
      const t = performance.now();
      try {
        const res = await fetch(`${base}/`, { headers: { cookie }, signal: AbortSignal.timeout(60_000) });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }
  });
  const result = await until.finally(() => (done = true));
  await Promise.all(loops);
  return { result, latencies, errors, statuses };
}

function report(label: string, run: ImportRun, rows: number) {
  const s = run.summary;
  console.log(`${label}: ${run.seconds.toFixed(1)} s → ${fmt(rows / run.seconds)} rows/s end to end (read, decode, check, store, recompute); peak rss ${run.peakMb.toFixed(0)} MB`);
  console.log(`  parts: ${run.phases}; the rest is starting the process and opening the store`);
  console.log(`  summary: read ${fmt(s.read!)}, inserted ${fmt(s.inserted!)}, updated ${fmt(s.updated!)}, unchanged ${fmt(s.unchanged!)}, rejected ${fmt(s.rejected!)}, problems ${fmt(s.problems!)}, batch #${s.batch}`);
}

async function main() {
  const { db, rows, bad } = args();
  if (!existsSync(db)) {
    console.error(`找不到基准数据库 ${db}：请先运行 npm run bench:seed。`);
    process.exit(1);
  }
  console.log(`bench:import — ${availableParallelism()} CPUs; ${fmt(rows)} rows, ${(bad * 100).toFixed(1)} % unusable, into ${db}`);
  // The store brought to the current schema first, so no import below pays for a migration.
  const migrating = performance.now();
  const source = openDb({ url: `file:${db}` });
  await migrateDb(source);
  source.$client.close();
  console.log(`store: at the current schema (${((performance.now() - migrating) / 1000).toFixed(1)} s)`);
  const copy = copyStore(db, TARGET);
  console.log(`store: copied ${copy.mb.toFixed(0)} MB to ${TARGET} in ${copy.seconds.toFixed(1)} s`);
  const store = new Database(TARGET, { readonly: true });
  const codes = (store.prepare("SELECT uscc FROM entities WHERE uscc IS NOT NULL LIMIT 1000000").raw(true).all() as string[][]).map((r) => r[0]!);
  const months = (store.prepare("SELECT DISTINCT month FROM composite_scores ORDER BY month DESC LIMIT 3").raw(true).all() as string[][]).map((r) => r[0]!);
  store.close();
  mkdirSync("data", { recursive: true });
  // The file carries the codes of the city it was generated from: one file per city, never another city's reused.
  const file = `data/bench-penalties-${rows}-${basename(db, ".db")}.csv`;
  if (!existsSync(file)) {
    const t = performance.now();
    await writePenaltyFile({ path: file, rows, badShare: bad, codes, months });
    console.log(`file: generated ${file} (${(statSync(file).size / 1048576).toFixed(0)} MB, GB18030) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } else {
    console.log(`file: ${file} (${(statSync(file).size / 1048576).toFixed(0)} MB), generated before`);
  }

  // Timed alone: the import's own rate, and the same file again with nothing to change.
  const results: { label: string; run: ImportRun; p95?: number; reads?: number; errors?: number }[] = [];
  for (const label of ["first import", "same file again"]) {
    const run = await runImport(file);
    results.push({ label, run });
    report(label, run, rows);
  }

  // Then the first import again into a fresh copy while 20 signed-in readers ask for 总览 from the product's
  // server as it runs (its page cache on, as deployed): the readers' latency and errors, and the import's rate under load.
  copyStore(db, TARGET);
  buildIfStale();
  server = startServer(await freePort(), `file:${TARGET}`);
  await waitUntilUp(server);
  const cookies = await signInMany(server.base, "office", DEMO_PASSWORD, READERS);
  const { result, latencies, errors, statuses } = await readWhile(server.base, cookies, runImport(file));
  const sorted = latencies.sort((a, b) => a - b);
  results.push({ label: "first import, 20 readers", run: result, p95: percentile(sorted, 95), reads: latencies.length, errors });
  report("first import with 20 readers on 总览", result, rows);
  console.log(`  总览 readers meanwhile: ${fmt(latencies.length)} responses, p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, errors ${errors} [${[...statuses].map(([k, v]) => `${k}×${v}`).join(" ")}]`);
  server.stop();

  // sqlite3's own CSV import into a bare table: the same bytes, no checks, no indexes.
  const bare = "data/bench-import-bare.db";
  rmSync(bare, { force: true });
  const t = performance.now();
  const sqlite = spawnSync("sqlite3", [bare, "-cmd", ".mode csv", ".import " + file + " penalties"], { encoding: "utf8" });
  const sqliteSeconds = (performance.now() - t) / 1000;
  rmSync(bare, { force: true });
  if (sqlite.status !== 0) console.log(`sqlite3 .import failed (is Debian's sqlite3 installed?): ${sqlite.stderr?.slice(0, 300)}`);
  else console.log(`sqlite3 .import into a bare table: ${sqliteSeconds.toFixed(1)} s → ${fmt(rows / sqliteSeconds)} rows/s`);

  console.log("\nfigure                                   value            target");
  for (const r of results) {
    const rate = rows / r.run.seconds;
    console.log(`${r.label.padEnd(40)} ${`${fmt(rate)} rows/s`.padEnd(16)} ≥ ${fmt(TARGETS.rowsPerSecond)} ${rate >= TARGETS.rowsPerSecond ? "✓" : "✗"}`);
    console.log(`${`${r.label}, peak memory`.padEnd(40)} ${`${r.run.peakMb.toFixed(0)} MB`.padEnd(16)} ≤ ${TARGETS.peakMb} MB ${r.run.peakMb <= TARGETS.peakMb ? "✓" : "✗"}`);
    if (r.p95 !== undefined) console.log(`${`${r.label}: 总览 p95 / errors`.padEnd(40)} ${`${r.p95.toFixed(0)} ms / ${r.errors}`.padEnd(16)} no errors ${r.errors === 0 ? "✓" : "✗"}`);
  }
  if (sqlite.status === 0) console.log(`${"ratio to sqlite3 .import (first import)".padEnd(40)} ${(sqliteSeconds / results[0]!.run.seconds).toFixed(2)}×`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
