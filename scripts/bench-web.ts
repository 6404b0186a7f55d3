import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { DEMO_PASSWORD } from "@/lib/demo/accounts";
import { signInMany } from "./bench-web/auth";
import { CRAWL_SHARES, distinctUrls, kindOf } from "./bench-web/crawl";
import { jsWeight, type JsWeight } from "./bench-web/js-weight";
import { runLighthouse, REPORT_DIR } from "./bench-web/lighthouse";
import { percentile, runLoad } from "./bench-web/load";
import { buildIfStale, freePort, startServer, timeGet, waitIdle, waitUntilUp, type MemoryUsage, type Server } from "./bench-web/server";
import { benchPages, copyStore, readIds, SOURCE, TARGET } from "./bench-web/store";
import { openBenchSupervision } from "./bench-web/supervision";
import { ensureTool } from "./bench-web/tools";

// Benchmark: the dashboard's speed on the 1,000,000-body city, served by the production build on loopback and
// asked by signed-in viewers — latency under load per page and role, memory under a crawl of distinct URLs,
// JavaScript weight and Lighthouse scores, each against its target.
const TARGETS = { p95Ms: 150, memoryGrowthMb: 100, jsGzipBytes: 330_000, lighthouse: 90 };
const LOAD = { connections: 20, seconds: 10 };
const SESSIONS = 20;
const CRAWL = { requests: 20_000, connections: 20 };
const CRAWL_WARM_UP = 40;
const SETTLE_MS = 20_000;
const WARM_ROUNDS = 3;
const SINGLE_ROUNDS = 5;
const LIGHTHOUSE_RUNS = 3;
const ROLES = [
  { username: "office", label: "信用办" },
  { username: "samr", label: "部门" },
] as const;

const ms = (x: number) => `${x.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
// Pads to terminal columns: CJK characters take two.
const cols = (s: string) => [...s].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
const pad = (s: string, width: number) => s + " ".repeat(Math.max(0, width - cols(s)));
const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));

interface Row { label: string; value: string; target: string; ok?: boolean }
const rows: Row[] = [];
function row(label: string, value: string, target = "", ok?: boolean) {
  rows.push({ label, value, target, ok });
}

let server: Server | undefined;
function stopServer() {
  server?.stop();
}
process.on("exit", stopServer);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopServer();
    process.exit(130);
  });
}

function parseArgs(): { db: string; heapSnapshots: boolean; pagesOnly: boolean; memoryOnly: boolean } {
  const args = process.argv.slice(2);
  const i = args.indexOf("--db");
  const db = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith("--db="))?.slice(5);
  if (i >= 0 && !db) throw new Error("--db 需要文件路径 needs a file");
  // --pages-only: the latency under load alone, without the 20,000-URL memory crawl, JavaScript weight and Lighthouse;
  // --memory-only: the crawl alone.
  const pagesOnly = args.includes("--pages-only");
  const memoryOnly = args.includes("--memory-only");
  if (pagesOnly && memoryOnly) throw new Error("--pages-only 与 --memory-only 只能选一个 choose one of them");
  return { db: db ?? SOURCE, heapSnapshots: args.includes("--heap-snapshots"), pagesOnly, memoryOnly };
}

// Anonymous memory is the process's own (heaps, SQLite's caches); file-backed is mapped code and data shared with the OS.
const residentLine = (p: { anon: number; file: number }) => `resident: anonymous ${mb(p.anon)}, file-backed ${mb(p.file)}`;
const spacesLine = (spaces: Record<string, number>) => Object.entries(spaces).filter(([, b]) => b >= 1048576)
  .map(([name, b]) => `${name.replace(/_space$/, "")} ${mb(b)}`).join(", ");
const memoryLine = (m: MemoryUsage) => `rss ${mb(m.rss)}, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, external ${mb(m.external)} (array buffers ${mb(m.arrayBuffers)})`;

async function main() {
  const { db, heapSnapshots, pagesOnly, memoryOnly } = parseArgs();
  if (!existsSync(db)) {
    console.error(`找不到基准数据库 ${db}：请先运行 npm run bench:seed 生成百万主体的示范市。`);
    console.error(`No benchmark store at ${db}: run \`npm run bench:seed\` first to generate the 1,000,000-body city.`);
    process.exit(1);
  }
  console.log(`bench:web — ${availableParallelism()} CPUs, load average ${load()}`);
  // Install the tools before the server starts, so npm never competes with the measured process.
  ensureTool("autocannon", "autocannon@9", "node_modules/autocannon/package.json");
  ensureTool("lighthouse", "lighthouse@12", "node_modules/lighthouse/cli/index.js");

  const copy = copyStore(db);
  const supervision = await openBenchSupervision(TARGET);
  const ids = readIds();
  console.log(`store: ${db} → ${TARGET} (${copy.mb.toFixed(0)} MB${copy.wal ? " incl. WAL" : ""}, ${copy.seconds.toFixed(1)} s); ` +
    `${ids.bodies.toLocaleString("en")} bodies, latest computed month ${ids.latestMonth ?? "none"}; ${supervision.items} 督办 items` +
    `${supervision.opened ? ` (opened for red warnings in ${supervision.seconds.toFixed(1)} s)` : ""}`);
  if (!ids.latestMonth) console.log("  warning: no computed indicators — run npm run bench:compute or bench:seed again");
  const missing = ROLES.filter((r) => !ids.usernames.includes(r.username)).map((r) => r.username);
  if (missing.length > 0) throw new Error(`${db} 中没有示范账号 has no account ${missing.join(", ")}: generate it again with npm run bench:seed`);

  const built = buildIfStale();
  console.log(built ? `build: next build took ${built.toFixed(0)} s` : "build: .next is newer than the sources, reused");

  const port = await freePort();
  server = startServer(port, `file:${TARGET}`, heapSnapshots ? REPORT_DIR : undefined);
  const up = await waitUntilUp(server);
  console.log(`server: next start (pid ${server.pid}) on ${server.base}, first answer after ${up.toFixed(1)} s`);

  const signInStart = performance.now();
  const cookies: Record<string, string[]> = {};
  for (const r of ROLES) cookies[r.username] = await signInMany(server.base, r.username, DEMO_PASSWORD, SESSIONS);
  console.log(`sign-in: ${SESSIONS} sessions each as ${ROLES.map((r) => `${r.username} (${r.label})`).join(" and ")} ` +
    `through POST /auth/sign-in, ${((performance.now() - signInStart) / 1000).toFixed(1)} s`);

  const pages = benchPages(ids);

  if (!memoryOnly) await measurePages(pages, cookies);
  if (pagesOnly) {
    stopServer();
    printSummary();
    return;
  }
  await measureMemory(ids, cookies);
  if (memoryOnly) {
    stopServer();
    printSummary();
    return;
  }

  await waitIdle(server);
  const office = cookies[ROLES[0].username]![0]!;
  console.log(`\nJavaScript of a first visit, signed in as ${ROLES[0].username}: every <script src> under /_next/static/ in the served HTML`);
  const weights: JsWeight[] = [];
  for (const [path, name] of pages.slice(0, 2)) {
    const w = await jsWeight(server.base, path, office);
    weights.push(w);
    console.log(`  ${name} ${path}: ${w.scripts} scripts, ${w.gzipBytes.toLocaleString("en")} B gzip ` +
      `(${(w.gzipBytes / 1024).toFixed(1)} KiB; gzip from: ${w.source}), ${w.rawBytes.toLocaleString("en")} B uncompressed; ` +
      `not counted: ${w.noModule.scripts} noModule script(s), ${w.noModule.gzipBytes.toLocaleString("en")} B gzip`);
  }
  const [home, rankings] = weights;
  row("总览 / JS gzip", kb(home!.gzipBytes), `≤ ${kb(TARGETS.jsGzipBytes)}`, home!.gzipBytes <= TARGETS.jsGzipBytes);
  row("排名 /rankings JS gzip", kb(rankings!.gzipBytes), "info");

  console.log(`\nLighthouse 12, desktop preset, performance + accessibility, ${LIGHTHOUSE_RUNS} runs per page, ` +
    `signed in as ${ROLES[0].username} (cookie via --extra-headers; reports in ${REPORT_DIR}/)`);
  for (const [path, name] of pages.slice(0, 2)) {
    const lh = await runLighthouse(server.base, path, path === "/" ? "home" : path.slice(1), office, LIGHTHOUSE_RUNS);
    console.log(`  ${name} ${path}: performance ${lh.scores.performance ?? "n/a"} (median of runs ${lh.performanceRuns.join(", ")}), ` +
      `accessibility ${lh.scores.accessibility ?? "n/a"}  (median run: ${lh.report}; load average ${load()})`);
    for (const w of lh.warnings) console.log(`    run warning: ${w}`);
    console.log(`    browser fetched ${lh.network.scripts} scripts, ${lh.network.scriptBytes.toLocaleString("en")} B with headers; ` +
      `${lh.network.rscFetches} RSC (?_rsc=) requests, mostly <Link> prefetches`);
    for (const [category, failing] of Object.entries(lh.failing)) {
      const score = lh.scores[category] ?? 0;
      row(`${name} ${path} Lighthouse ${category}`, String(lh.scores[category] ?? "n/a"), `≥ ${TARGETS.lighthouse}`, score >= TARGETS.lighthouse);
      if (failing.length === 0) continue;
      if (score >= TARGETS.lighthouse) {
        console.log(`    ${category}: also under 0.9: ${failing.map((a) => a.id).join(", ")}`);
        continue;
      }
      console.log(`    ${category} ${score} < ${TARGETS.lighthouse}: failing audits (score < 0.9), heaviest first`);
      for (const a of failing.slice(0, 10)) {
        console.log(`      ${a.id} — ${a.title} (score ${a.score.toFixed(2)}, weight ${a.weight}${a.displayValue ? `, ${a.displayValue}` : ""})`);
      }
      if (failing.length > 10) console.log(`      … and ${failing.length - 10} more in the report`);
    }
  }
  stopServer();
  printSummary();
}

function printSummary() {
  console.log(`\nsummary (load average ${load()})`);
  const width = Math.max(...rows.map((r) => cols(r.label))) + 2;
  for (const r of rows) {
    const mark = r.ok === undefined ? "" : r.ok ? "OK" : "MISSED";
    console.log(`  ${pad(r.label, width)}${r.value.padStart(18)}   ${r.target.padEnd(12)}${mark}`);
  }
  if (rows.some((r) => r.ok === false)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  stopServer();
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/** Each page, for each role: a few requests alone, then 20 signed-in connections for 10 s. */
async function measurePages(pages: ReturnType<typeof benchPages>, cookies: Record<string, string[]>) {
  if (!server) throw new Error("no server");
  console.log(`\nwarm-up and single requests: ${WARM_ROUNDS} + ${SINGLE_ROUNDS} sequential GETs per page and role (server otherwise idle)`);
  for (const r of ROLES) {
    for (const [path, name] of pages) {
      const warm: string[] = [];
      const cookie = cookies[r.username]![0]!;
      for (let i = 0; i < WARM_ROUNDS; i++) {
        const t = await timeGet(server.base + path, cookie);
        if (t.status !== 200) throw new Error(`${r.username} ${path} → HTTP ${t.status}\n${server.log.slice(-20).join("\n")}`);
        warm.push(ms(t.ms));
      }
      const times: number[] = [];
      for (let i = 0; i < SINGLE_ROUNDS; i++) times.push((await timeGet(server.base + path, cookie)).ms);
      times.sort((a, b) => a - b);
      console.log(`  ${pad(r.label, 6)} ${pad(name, 14)} ${path.padEnd(40)} warm-up ${warm.join(", ")}; ` +
        `then median ${ms(percentile(times, 50))} (min ${ms(times[0]!)}, max ${ms(times.at(-1)!)})`);
      row(`${r.label} ${name} alone, median`, ms(percentile(times, 50)), "info");
    }
  }

  console.log(`\nload: ${LOAD.connections} connections × ${LOAD.seconds} s per page and role, each connection its own session ` +
    "(autocannon 9, keep-alive, loopback)");
  console.log("  p50/p95/max: nearest rank over every response's latency; p97.5/p99: autocannon's histogram (2xx only)");
  console.log("  server CPU: the next-server process's user + system time during the run, per response (its one JavaScript thread");
  console.log("  renders and, for a file: store, runs every query); the server is let go idle before each run");
  for (const r of ROLES) {
    for (const [path, name] of pages) {
      const idle = await waitIdle(server);
      if (idle.busy) console.log(`  (server still busy after ${idle.seconds.toFixed(0)} s)`);
      const cpu0 = server.cpuMs();
      const f = await runLoad(server.base, { path, cookies: cookies[r.username]!, connections: LOAD.connections, seconds: LOAD.seconds });
      const cpu = server.cpuMs() - cpu0;
      // A page slower than the run answers nothing in it: every request took longer than the run.
      const p95 = f.responses === 0 ? `> ${LOAD.seconds} s (0 responses)` : ms(f.p95);
      // With fewer answers than connections the CPU went mostly into renders still running: no per-response figure.
      const perResponse = f.responses >= LOAD.connections ? ms(cpu / f.responses) : "n/a";
      console.log(`  ${pad(r.label, 6)} ${pad(name, 14)} ${path}: ${f.rps.toFixed(1)} req/s (${f.responses} responses in ${f.seconds.toFixed(1)} s), ` +
        `p50 ${ms(f.p50)}, p95 ${p95}, p97.5 ${f.acP975} ms, p99 ${f.acP99} ms, max ${ms(f.max)}, ` +
        `errors ${f.errors}, non-2xx ${f.non2xx} [${f.statuses}]; server CPU ${(cpu / 1000).toFixed(1)} s, ` +
        `${perResponse} per response  (waited ${idle.seconds.toFixed(1)} s for idle; load average ${load()})`);
      row(`${r.label} ${name} p95`, p95, `≤ ${TARGETS.p95Ms} ms`, f.responses > 0 && f.p95 <= TARGETS.p95Ms);
      row(`${r.label} ${name} p50 / req/s`, `${f.responses > 0 ? ms(f.p50) : "—"} / ${f.rps.toFixed(1)}`);
      row(`${r.label} ${name} server CPU / response`, perResponse, "info");
      row(`${r.label} ${name} errors + non-2xx`, String(f.errors + f.non2xx), "0", f.errors + f.non2xx === 0);
    }
  }
}

/** The server's memory before and after a crawl of distinct URLs, each after idle and forced collections. */
async function measureMemory(ids: ReturnType<typeof readIds>, cookies: Record<string, string[]>) {
  if (!server) throw new Error("no server");
  console.log(`\nmemory: the server's resident set before and after ${CRAWL.requests.toLocaleString("en")} requests to distinct URLs ` +
    `(${CRAWL.connections} connections as ${ROLES[0].username}; each figure after ${SETTLE_MS / 1000} s idle and three forced GCs)`);
  console.log(`  mix: ${CRAWL_SHARES.map(([kind, share]) => `${kind} ${Math.round(share * 100)}%`).join(", ")}`);
  // Every kind of page once first, so code loaded on a route's first visit is not counted as growth.
  const next = distinctUrls(ids);
  await runLoad(server.base, { cookies: cookies[ROLES[0].username]!, connections: 4, amount: CRAWL_WARM_UP, path: next });
  await waitIdle(server);
  await sleep(SETTLE_MS);
  const before = await server.memoryAfterGc();
  const procBefore = server.procMemory();
  console.log(`  before (after ${CRAWL_WARM_UP} distinct URLs of warm-up): ${memoryLine(before.after)}  (before the GCs: rss ${mb(before.before.rss)})`);
  console.log(`    ${residentLine(procBefore)}; V8 committed: ${spacesLine(before.spaces)}; store connections ${server.storeConnections(TARGET)}`);
  const kinds = new Map<string, number>();
  const crawlStart = performance.now();
  let answered = 0;
  const crawl = await runLoad(server.base, {
    cookies: cookies[ROLES[0].username]!, connections: CRAWL.connections, amount: CRAWL.requests,
    path: () => {
      const url = next();
      kinds.set(kindOf(url), (kinds.get(kindOf(url)) ?? 0) + 1);
      return url;
    },
    onResponse: () => {
      if (++answered % 2_000 === 0) {
        const s = (performance.now() - crawlStart) / 1000;
        console.log(`    ${answered.toLocaleString("en")} answered in ${s.toFixed(0)} s; rss ${mb(server!.procMemory().rss)}, store connections ${server!.storeConnections(TARGET)}`);
      }
    },
  });
  console.log(`  crawl: ${crawl.responses.toLocaleString("en")} responses in ${crawl.seconds.toFixed(1)} s (${crawl.rps.toFixed(1)} req/s), ` +
    `p50 ${ms(crawl.p50)}, p95 ${ms(crawl.p95)}, max ${ms(crawl.max)}, errors ${crawl.errors} [${crawl.statuses}]`);
  console.log(`  URLs built: ${[...kinds].map(([k, n]) => `${k} ${n.toLocaleString("en")}`).join(", ")} (a few more than sent: autocannon builds one ahead per connection)`);
  await waitIdle(server);
  await sleep(SETTLE_MS);
  const after = await server.memoryAfterGc();
  const proc = server.procMemory();
  const growth = after.after.rss - before.after.rss;
  console.log(`  after:  ${memoryLine(after.after)}  (before the GCs: rss ${mb(after.before.rss)}; peak rss of the run ${mb(proc.peak)})`);
  console.log(`    ${residentLine(proc)}; V8 committed: ${spacesLine(after.spaces)}; store connections ${server.storeConnections(TARGET)}`);
  console.log(`  growth: rss ${mb(growth)} (anonymous ${mb(proc.anon - procBefore.anon)}, file-backed ${mb(proc.file - procBefore.file)}), ` +
    `heap used ${mb(after.after.heapUsed - before.after.heapUsed)}, heap committed ${mb(after.after.heapTotal - before.after.heapTotal)}, ` +
    `array buffers ${mb(after.after.arrayBuffers - before.after.arrayBuffers)}`);
  if (after.snapshot) console.log(`  heap snapshots: ${before.snapshot}, ${after.snapshot}`);
  row(`memory growth, ${(CRAWL.requests / 1000).toFixed(0)}k distinct URLs (rss)`, mb(growth), `≤ ${TARGETS.memoryGrowthMb} MB`, growth <= TARGETS.memoryGrowthMb * 1048576);
  row("memory growth (heap used)", mb(after.after.heapUsed - before.after.heapUsed), "info");
  row("crawl errors", String(crawl.errors), "0", crawl.errors === 0);
}
