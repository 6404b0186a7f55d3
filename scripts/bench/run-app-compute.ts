import { openBatchExecutor } from "@/db/batch-executor";
import { openDb, tuneLocalDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import type { IsoMonth } from "@/lib/dates";
import { getMonitoredMonths, runCompute } from "@/lib/indicators/compute/run-compute";

// Runs the app's own compute in a process of its own, so its peak memory is the app's alone, and prints
// one JSON line per run. Usage: run-app-compute.ts DB_PATH full|months
export interface AppRun {
  label: string;
  months: string[];
  seconds: number;
  /** User + system CPU seconds: less swayed than wall time when other work shares the machine. */
  cpuSeconds: number;
  /** process.resourceUsage().maxRSS after the run, in MB: the process peak so far. */
  peakRssMb: number;
}

function since(started: number, cpu: NodeJS.CpuUsage) {
  const used = process.cpuUsage(cpu);
  return {
    seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

async function main() {
  const [path, mode] = process.argv.slice(2);
  if (!path || (mode !== "full" && mode !== "months")) throw new Error("usage: run-app-compute.ts DB_PATH full|months");
  const url = `file:${path}`;
  const db = openDb({ url });
  await tuneLocalDb(db, url);
  await migrateDb(db);
  const executor = openBatchExecutor(url, db.$client);
  try {
    const all = await getMonitoredMonths(db);
    const runs: [string, IsoMonth[] | undefined][] = mode === "full"
      ? [["全部24个月 full, cold", undefined], ["全部24个月 full, warm", undefined]]
      : [["最近一月 latest month", [all[all.length - 1]!]], ["中间一月 middle month", [all[Math.floor(all.length / 2) - 1]!]]];
    for (const [label, months] of runs) {
      const [started, cpu] = [performance.now(), process.cpuUsage()];
      const result = await runCompute(db, executor, months);
      const run: AppRun = { label, months: result.months, ...since(started, cpu) };
      process.stdout.write(`${JSON.stringify(run)}\n`);
    }
  } finally {
    executor.close();
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
