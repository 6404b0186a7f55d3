import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { lastFullMonth } from "@/lib/dates";
import { loadDemoCity } from "@/lib/demo/load-demo";

// Benchmark: generate the large city (default 1,000,000 bodies) into data/bench.db and print
// the time, its parts and peak memory against the targets (5 minutes, or 10 for the 5,000,000-body city; 2 GB).
async function main() {
  const { values } = parseArgs({ options: { entities: { type: "string" }, out: { type: "string" } } });
  const entities = Number(values.entities ?? 1_000_000);
  const path = values.out ?? "data/bench.db";
  mkdirSync("data", { recursive: true });
  console.log(`bench:seed — ${entities.toLocaleString("en")} bodies → ${path}`);
  const stats = await loadDemoCity({ url: `file:${path}` }, { seed: 20_261, entities, endMonth: lastFullMonth() }, { replace: true });
  for (const [table, n] of Object.entries(stats.rows)) console.log(`  ${table.padEnd(20)} ${n.toLocaleString("en")}`);
  console.log(`parts       ${Object.entries(stats.phases).map(([k, s]) => `${k} ${s.toFixed(1)} s`).join(", ")}`);
  // Issue 17: the 5,000,000-body city within 600 s; the 1,000,000-body one within 300 s.
  const targetSeconds = entities > 1_000_000 ? 600 : 300;
  const timeOk = stats.seconds <= targetSeconds;
  const memOk = stats.peakRssMb <= 2048;
  console.log(`time        ${stats.seconds.toFixed(1)} s   (target ≤ ${targetSeconds} s)   ${timeOk ? "OK" : "MISSED"}`);
  console.log(`peak memory ${stats.peakRssMb.toFixed(0)} MB  (target ≤ 2048 MB) ${memOk ? "OK" : "MISSED"}`);
  if (!timeOk || !memOk) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
