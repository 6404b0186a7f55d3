import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { availableParallelism, loadavg } from "node:os";
import Database from "libsql";
import { DEMO_PASSWORD } from "@/lib/demo/accounts";
import { SQLD_BIN, start, stop, waitForHttp, type Proc } from "@/tests/e2e/multi-server/processes";
import { runAppCompute } from "./bench/app-compute";
import type { AppRun } from "./bench/run-app-compute";
import { signInMany } from "./bench-web/auth";
import { percentile, runLoad } from "./bench-web/load";
import { buildIfStale, freePort, startServer, waitIdle, waitUntilUp, type Server } from "./bench-web/server";
import { benchPages, copyStore, readIds } from "./bench-web/store";
import { openBenchSupervision } from "./bench-web/supervision";

// Benchmark: the same store served two ways, side by side — a local file with one app server, and a local libSQL
// server (sqld) with two app servers in front of it, as a deployment behind a load balancer runs — for the
// engine's recompute and for the pages under 20 signed-in sessions (spread over both app servers in the second
// case). Goal (issue 17): the libSQL server's p95 and recompute within 2× the file store's.
// Usage: npm run bench:sqld -- --db data/bench-5m.db [--seconds 10]
const GOAL_RATIO = 2;
const SESSIONS = 20;
const FILE_COPY = "data/bench-sqld-file.db";
const SQLD_DIR = "data/bench-sqld";

function args() {
  const argv = process.argv.slice(2);
  const value = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
  const transport = value("--transport") ?? "ws";
  if (transport !== "ws" && transport !== "http") throw new Error("--transport 只能是 ws 或 http");
  return { db: value("--db") ?? "data/bench.db", seconds: Number(value("--seconds") ?? 10), transport };
}

const procs: Proc[] = [];
const servers: Server[] = [];
function stopAll() {
  for (const s of servers) s.stop();
  for (const p of procs) void stop(p);
}
process.on("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => { stopAll(); process.exit(130); });

/** The store as sqld keeps a database: its file at dbs/default/data, checkpointed so no WAL is left beside it. */
function prepareSqldStore(source: string): number {
  rmSync(SQLD_DIR, { recursive: true, force: true });
  const dir = join(SQLD_DIR, "dbs", "default");
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  copyStore(source, join(dir, "data"));
  const db = new Database(join(dir, "data"));
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  db.close();
  for (const suffix of ["-wal", "-shm"]) rmSync(join(dir, `data${suffix}`), { force: true });
  return (performance.now() - started) / 1000;
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const s = (x: number) => `${x.toFixed(2)} s`;

async function main() {
  const { db, seconds, transport } = args();
  if (!existsSync(db)) throw new Error(`找不到基准数据库 ${db}：请先运行 npm run bench:seed`);
  if (!existsSync(SQLD_BIN)) throw new Error(`sqld 未安装（${SQLD_BIN}）：请先运行 npm run test:setup`);
  console.log(`bench:sqld — ${db} (${(statSync(db).size / 1048576).toFixed(0)} MB), ${availableParallelism()} CPUs, load ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  const copied = copyStore(db, FILE_COPY);
  console.log(`file store: copied to ${FILE_COPY} in ${copied.seconds.toFixed(1)} s`);
  const supervision = await openBenchSupervision(FILE_COPY);
  console.log(`督办: ${supervision.items} items${supervision.opened ? ` (${supervision.opened} opened for red warnings in ${supervision.seconds.toFixed(1)} s)` : ""}`);
  console.log(`sqld store: copied and checkpointed into ${SQLD_DIR} in ${prepareSqldStore(FILE_COPY).toFixed(1)} s`);
  const dbPort = await freePort();
  const sqldUrl = `http://127.0.0.1:${dbPort}`;
  const sqld = start("sqld", SQLD_BIN, ["--db-path", SQLD_DIR, "--http-listen-addr", `127.0.0.1:${dbPort}`, "--no-welcome"], {});
  procs.push(sqld);
  await waitForHttp(`${sqldUrl}/health`, sqld, 120_000);
  // The app reaches sqld by Hrana over WebSocket unless told otherwise: one socket per app server, where HTTP pays a
  // request each statement and now and then lost one to a keep-alive socket sqld had closed (decision 015).
  const storeUrl = `${transport}://127.0.0.1:${dbPort}`;
  console.log(`sqld ${sqldUrl} up; the app and the compute reach it at ${storeUrl}`);

  // Compute: the same child process (run-app-compute.ts), once on the file and once through sqld.
  console.log("\ncompute: full recompute twice, the latest and a middle month, every 督办 item's records judged, on each store …");
  const compute = async (store: string) => [...await runAppCompute(store, "full"), ...await runAppCompute(store, "months"), ...await runAppCompute(store, "items")];
  const fileRuns = await compute(FILE_COPY);
  const sqldRuns = await compute(storeUrl);
  const verdict = (ratio: number) => (ratio <= GOAL_RATIO ? "met" : "NOT met");
  console.log(`${"run".padEnd(32)} ${"file".padStart(10)} ${"sqld".padStart(10)}  ratio`);
  fileRuns.forEach((f: AppRun, i) => {
    const q = sqldRuns[i]!;
    console.log(`${f.label.padEnd(32)} ${s(f.seconds).padStart(10)} ${s(q.seconds).padStart(10)}  ${(q.seconds / f.seconds).toFixed(2)}× (goal ≤ ${GOAL_RATIO}×: ${verdict(q.seconds / f.seconds)})`);
  });
  const phases = (r: AppRun) => Object.entries(r.phases ?? {}).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ");
  console.log(`  parts, file: ${phases(fileRuns[3]!)}\n  parts, sqld: ${phases(sqldRuns[3]!)}`);

  // Pages: one app server on the file; two on sqld, each connection of the load on one of them in turn.
  const built = buildIfStale();
  if (built) console.log(`build: next build took ${built.toFixed(0)} s`);
  const fileServer = startServer(await freePort(), `file:${FILE_COPY}`);
  servers.push(fileServer);
  const pair = [startServer(await freePort(), storeUrl), startServer(await freePort(), storeUrl)];
  servers.push(...pair);
  for (const server of servers) await waitUntilUp(server);
  const ids = readIds(FILE_COPY);
  const pages = benchPages(ids);
  console.log(`\npages: ${SESSIONS} sessions × ${seconds} s per page and role; file: one app server; sqld: two, ${SESSIONS / 2} sessions each`);
  console.log(`${"role".padEnd(6)} ${"page".padEnd(16)} ${"file p50/p95, req/s".padStart(24)} ${"sqld p50/p95, req/s".padStart(24)}  p95 ratio`);
  for (const username of ["office", "samr"]) {
    // Sessions opened through the file's server for it, and through the first sqld server for both sqld servers.
    const fileCookies = await signInMany(fileServer.base, username, DEMO_PASSWORD, SESSIONS);
    const sqldCookies = await signInMany(pair[0]!.base, username, DEMO_PASSWORD, SESSIONS);
    for (const [path, name] of pages) {
      for (const server of servers) await timeWarm(server, path, server === fileServer ? fileCookies[0]! : sqldCookies[0]!);
      await waitIdle(fileServer);
      const onFile = await runLoad(fileServer.base, { path, cookies: fileCookies, connections: SESSIONS, seconds });
      for (const server of pair) await waitIdle(server);
      const half = SESSIONS / 2;
      const [a, b] = await Promise.all([
        runLoad(pair[0]!.base, { path, cookies: sqldCookies.slice(0, half), connections: half, seconds }),
        runLoad(pair[1]!.base, { path, cookies: sqldCookies.slice(half), connections: half, seconds }),
      ]);
      const merged = [...a.latencies, ...b.latencies].sort((x, y) => x - y);
      const sqldP95 = percentile(merged, 95);
      const failures = onFile.errors + onFile.non2xx + a.errors + a.non2xx + b.errors + b.non2xx;
      console.log(`${username.padEnd(6)} ${name.padEnd(16)} ${`${ms(onFile.p50)}/${ms(onFile.p95)}, ${onFile.rps.toFixed(0)}`.padStart(24)} ` +
        `${`${ms(percentile(merged, 50))}/${ms(sqldP95)}, ${(a.rps + b.rps).toFixed(0)}`.padStart(24)}  ${(sqldP95 / onFile.p95).toFixed(2)}× ` +
        `(goal ≤ ${GOAL_RATIO}×: ${verdict(sqldP95 / onFile.p95)})${failures ? `  ${failures} failed responses` : ""}`);
    }
  }
  stopAll();
}

/** Three sequential requests so each server has compiled the page and filled its caches before the load. */
async function timeWarm(server: Server, path: string, cookie: string) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(server.base + path, { headers: { cookie, accept: "text/html" }, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${server.base}${path} → HTTP ${res.status}\n${server.log.slice(-20).join("\n")}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  stopAll();
  process.exit(1);
});
