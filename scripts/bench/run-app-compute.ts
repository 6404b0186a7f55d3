import { openBatchExecutor, type BatchExecutor } from "@/db/batch-executor";
import { openDb, tuneLocalDb, type Db } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { orgUnits, supervisionItems } from "@/db/schema";
import { asc, gt } from "drizzle-orm";
import { loadWorkCalendar } from "@/lib/calendar/store";
import { todayInChina, type IsoMonth } from "@/lib/dates";
import { countDisciplineFacts } from "@/lib/indicators/compute/discipline-facts";
import { countEnterpriseFacts } from "@/lib/indicators/compute/enterprise-facts";
import { countEntityFacts } from "@/lib/indicators/compute/entity-facts";
import { MonthGrid } from "@/lib/indicators/compute/grid";
import { refreshRecordFacts } from "@/lib/indicators/compute/refresh-facts";
import { getMonitoredMonths, runCompute } from "@/lib/indicators/compute/run-compute";
import { countSgsFacts } from "@/lib/indicators/compute/sgs-facts";
import { UnitIndex } from "@/lib/indicators/compute/units";
import { judgeItemRecords } from "@/lib/supervision/record-states";

// Runs the app's own compute in a process of its own, so its peak memory is the app's alone, and prints
// one JSON line per run. Usage: run-app-compute.ts DB_PATH|http://SQLD|ws://SQLD full|months|items
// (items: every 督办 item's records judged against the data, one item at a time, as its page does).
export interface AppRun {
  label: string;
  months: string[];
  seconds: number;
  /** User + system CPU seconds: less swayed than wall time when other work shares the machine. */
  cpuSeconds: number;
  /** process.resourceUsage().maxRSS after the run, in MB: the process peak so far. */
  peakRssMb: number;
  /** Only on the last line: seconds of each part of the compute, timed one by one after the runs. */
  phases?: Record<string, number>;
  /** Only in `items` mode: how long one item's records took to judge, over the items with records. */
  itemChecks?: { items: number; records: number; p50Ms: number; p95Ms: number; maxMs: number; maxRecords: number };
}

/** Where the time goes: the same steps runCompute takes, timed apart (warm, same months as the last run). */
async function timePhases(db: Db, executor: BatchExecutor, months: IsoMonth[]): Promise<Record<string, number>> {
  const grid = new MonthGrid(months);
  const units = new UnitIndex(await db.select().from(orgUnits));
  const steps: [string, () => Promise<unknown>][] = [
    ["refresh scan", async () => refreshRecordFacts(db, executor, await loadWorkCalendar(db), todayInChina())],
    ["bodies", () => countEntityFacts(db.$client, grid, units)],
    ["信易贷+tax", () => countEnterpriseFacts(db.$client, grid, units)],
    ["lists+penalties", () => countDisciplineFacts(db.$client, grid, units)],
    ["双公示", () => countSgsFacts(db.$client, grid, units)],
  ];
  const phases: Record<string, number> = {};
  for (const [name, step] of steps) {
    const started = performance.now();
    await step();
    phases[name] = (performance.now() - started) / 1000;
  }
  return phases;
}

function since(started: number, cpu: NodeJS.CpuUsage) {
  const used = process.cpuUsage(cpu);
  return {
    seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** Every 督办 item with records judged once, one after another, as each item's page judges it when opened. */
async function judgeEveryItem(db: Db): Promise<AppRun> {
  const items = await db.select().from(supervisionItems).where(gt(supervisionItems.recordCount, 0)).orderBy(asc(supervisionItems.id));
  const [started, cpu] = [performance.now(), process.cpuUsage()];
  const times: number[] = [];
  let records = 0;
  let slowest = { ms: 0, records: 0 };
  for (const item of items) {
    const t = performance.now();
    const states = await judgeItemRecords(db, item);
    const ms = performance.now() - t;
    times.push(ms);
    records += states?.fixed.size ?? 0;
    if (ms > slowest.ms) slowest = { ms, records: item.recordCount };
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;
  return {
    label: "督办事项记录核验 every item's records judged", months: [], ...since(started, cpu),
    itemChecks: { items: times.length, records, p50Ms: at(50), p95Ms: at(95), maxMs: slowest.ms, maxRecords: slowest.records },
  };
}

async function main() {
  const [path, mode] = process.argv.slice(2);
  if (!path || !["full", "months", "items"].includes(mode ?? "")) throw new Error("usage: run-app-compute.ts DB_PATH|http://SQLD|ws://SQLD full|months|items");
  // A libSQL server's address runs the same compute over the network (bench:sqld); anything else is a file.
  const url = /^(https?|wss?|libsql):\/\//.test(path) ? path : `file:${path}`;
  const db = openDb({ url });
  await tuneLocalDb(db, url);
  await migrateDb(db);
  const executor = openBatchExecutor(url, db.$client);
  try {
    if (mode === "items") {
      process.stdout.write(`${JSON.stringify(await judgeEveryItem(db))}\n`);
      return;
    }
    const all = await getMonitoredMonths(db);
    const latest = [all[all.length - 1]!];
    const runs: [string, IsoMonth[] | undefined][] = mode === "full"
      ? [["全部24个月 full, cold", undefined], ["全部24个月 full, warm", undefined]]
      : [["最近一月 latest month", latest], ["中间一月 middle month", [all[Math.floor(all.length / 2) - 1]!]]];
    for (const [i, [label, months]] of runs.entries()) {
      const [started, cpu] = [performance.now(), process.cpuUsage()];
      const result = await runCompute(db, executor, months);
      const run: AppRun = { label, months: result.months, ...since(started, cpu) };
      if (i === runs.length - 1) run.phases = await timePhases(db, executor, result.months);
      process.stdout.write(`${JSON.stringify(run)}\n`);
    }
  } finally {
    executor.close();
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  // A failed request to a libSQL server says why only in its cause (a closed socket, a timeout).
  const cause = error instanceof Error ? error.cause : undefined;
  console.error(error instanceof Error ? (error.stack ?? error.message) : error, ...(cause ? ["\ncaused by:", cause] : []));
  process.exit(1);
});
