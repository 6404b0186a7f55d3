import { statSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { dbConfigFromEnv, openDb, tuneLocalDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { departments } from "@/db/schema";
import { systemViewer } from "@/lib/auth/viewer";
import { matchUnit } from "@/lib/departments/match";
import { ensureDefaultCatalogue } from "@/lib/indicators/catalogue-store";
import { importFile } from "@/lib/imports/import-file";

// npm run import -- DATASET FILE [--department NAME] [--sheet NAME] [--json]
// The same code path as the 数据 page and the API; from here the office imports for the department named.
const USAGE = "用法：npm run import -- 数据集 文件 [--department 部门名称] [--sheet 工作表] [--json]";

async function main() {
  const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { department: { type: "string" }, sheet: { type: "string" }, json: { type: "boolean" } } });
  const [dataset, file] = positionals;
  const fail = (message: string, code = 2): never => {
    if (args.json) process.stdout.write(`${JSON.stringify({ read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, problems: 0, batch: null, error: message })}\n`);
    else console.error(message);
    process.exit(code);
  };
  if (!dataset || !file) fail(`缺少参数。${USAGE}`);
  let bytes = 0;
  try {
    const st = statSync(file!);
    if (!st.isFile()) fail(`不是文件：${file}`);
    bytes = st.size;
  } catch {
    fail(`找不到文件：${file}`);
  }
  const config = dbConfigFromEnv();
  const db = openDb(config);
  await tuneLocalDb(db, config.url);
  await migrateDb(db);
  await ensureDefaultCatalogue(db);
  try {
    let departmentId: number | null = null;
    if (args.department) {
      const list = await db.select({ id: departments.id, name: departments.name, shortName: departments.shortName, code: departments.code }).from(departments);
      const exact = list.find((d) => d.name === args.department || d.shortName === args.department || d.code === args.department);
      const match = exact ? { status: "matched", departmentIds: [exact.id], suggestions: [] } : matchUnit(args.department, list);
      if (match.status !== "matched" || match.departmentIds.length !== 1) {
        fail(`找不到部门“${args.department}”${match.suggestions.length ? `，是否指：${match.suggestions.slice(0, 3).map((s) => s.name).join("、")}` : ""}`);
      }
      departmentId = match.departmentIds[0]!;
    }
    const started = performance.now();
    const outcome = await importFile(db, systemViewer("命令行 import"), {
      dataset: dataset!, departmentId, via: "命令行", file: { path: file!, fileName: basename(file!), bytes, sheet: args.sheet },
    });
    const seconds = (performance.now() - started) / 1000;
    if (!outcome.ok) fail(`未导入：${outcome.message}${outcome.batch ? `（已记入导入记录 #${outcome.batch}）` : ""}`, 1);
    if (outcome.ok) {
      const { read, inserted, updated, unchanged, rejected, problems, batch } = outcome;
      if (args.json) process.stdout.write(`${JSON.stringify({ read, inserted, updated, unchanged, rejected, problems, batch })}\n`);
      else {
        console.log(`导入批次 #${batch}：读取 ${read} 行，新增 ${inserted}，更新 ${updated}，未变 ${unchanged}，拒收 ${rejected}，有问题 ${problems}；用时 ${seconds.toFixed(1)} 秒`);
        if (outcome.recomputed.length) console.log(`已重新计算：${outcome.recomputed.join("、")}`);
        if (rejected > 0) console.log("拒收的行及原因可在“数据”页面下载，改正后重新导入。");
      }
      // For bench:import: where the time went, and the peak memory.
      if (process.env.IMPORT_REPORT_MEMORY === "1") {
        console.error(`phases read+check+store ${outcome.seconds.store.toFixed(2)} s, recompute ${outcome.seconds.recompute.toFixed(2)} s`);
        console.error(`peak rss ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`);
      }
      // Non-zero only when nothing could be stored.
      process.exitCode = inserted + updated + unchanged > 0 ? 0 : 1;
    }
  } finally {
    db.$client.close();
  }
}

main().catch((error) => {
  console.error("导入失败：", error instanceof Error ? error.message : error);
  process.exit(1);
});
