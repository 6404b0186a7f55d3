import { existsSync } from "node:fs";
import { openDb, tuneLocalDb } from "@/db/client";
import { systemViewer } from "@/lib/auth/viewer";
import type { IsoMonth } from "@/lib/dates";
import { getDrilldown } from "@/lib/indicators/drilldown";
import { DRILLDOWN_SPECS } from "@/lib/indicators/drilldown/specs";

// Benchmark: every indicator's drill-down read straight from a store (no server, no cache), for the largest
// district and one of its towns in the latest computed month: the first page, a page deep in the list, and a
// record search — each the median of a few runs, against issue 17's targets (first page ≤ 100 ms, search ≤ 300 ms).
// Usage: npm run bench:drilldown -- --db data/bench-5m.db
const TARGETS = { firstPageMs: 100, searchMs: 300 };
const RUNS = 3;

function dbPath(): string {
  const argv = process.argv.slice(2);
  const i = argv.indexOf("--db");
  return (i >= 0 ? argv[i + 1] : undefined) ?? "data/bench.db";
}

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

async function main() {
  const path = dbPath();
  if (!existsSync(path)) throw new Error(`找不到 ${path}：请先运行 npm run bench:seed`);
  const db = openDb({ url: `file:${path}` });
  await tuneLocalDb(db, `file:${path}`);
  const { rows: [latest] } = await db.$client.execute("SELECT max(month) AS m FROM indicator_values");
  const month = String(latest?.m) as IsoMonth;
  const { rows: [district] } = await db.$client.execute(
    "SELECT u.id, u.name FROM org_units u JOIN entities e ON e.district_id = u.id WHERE u.level = 'district' GROUP BY u.id ORDER BY count(*) DESC LIMIT 1");
  const { rows: [town] } = await db.$client.execute({ sql: "SELECT id, name FROM org_units WHERE parent_id = ? ORDER BY id LIMIT 1", args: [Number(district!.id)] });
  const office = systemViewer("bench:drilldown");
  console.log(`bench:drilldown — ${path}, month ${month}, district ${district!.name}, town ${town!.name}; median of ${RUNS} runs, no cache`);
  console.log(`${"indicator".padEnd(26)} ${"unit".padEnd(8)} ${"total".padStart(9)}  first page   page 20     search "有限"  search miss`);
  let worstFirst = 0;
  let worstSearch = 0;
  for (const code of Object.keys(DRILLDOWN_SPECS)) {
    for (const [unit, label] of [[district!, "district"], [town!, "town"]] as const) {
      const query = { indicatorCode: code, orgUnitId: Number(unit.id), month };
      const first = await getDrilldown(db, office, query);
      if (!first || first === "forbidden") continue;
      const firstMs = await median(() => getDrilldown(db, office, query));
      const deepMs = await median(() => getDrilldown(db, office, { ...query, page: 20 }));
      const hitMs = await median(() => getDrilldown(db, office, { ...query, search: "有限" }));
      const missMs = await median(() => getDrilldown(db, office, { ...query, search: "zq9x" }));
      worstFirst = Math.max(worstFirst, firstMs);
      worstSearch = Math.max(worstSearch, hitMs, missMs);
      const f = (x: number) => `${x.toFixed(0).padStart(7)} ms`;
      console.log(`${code.padEnd(26)} ${label.padEnd(8)} ${String(first.total).padStart(9)} ${f(firstMs)} ${f(deepMs)} ${f(hitMs)}  ${f(missMs)}`);
    }
  }
  console.log(`\nslowest first page ${worstFirst.toFixed(0)} ms (target ≤ ${TARGETS.firstPageMs} ms) ${worstFirst <= TARGETS.firstPageMs ? "met" : "NOT met"}`);
  console.log(`slowest search ${worstSearch.toFixed(0)} ms (target ≤ ${TARGETS.searchMs} ms) ${worstSearch <= TARGETS.searchMs ? "met" : "NOT met"}`);
  db.$client.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
