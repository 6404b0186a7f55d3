import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { openBatchExecutor } from "@/db/batch-executor";
import { dbConfigFromEnv, openDb, tuneLocalDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { ensureDefaultCatalogue } from "@/lib/indicators/catalogue-store";
import { indicatorValues, orgUnits } from "@/db/schema";
import { isIsoMonth } from "@/lib/dates";
import { runCompute } from "@/lib/indicators/compute/run-compute";
import { recordComputation } from "@/lib/indicators/compute/record-compute";
import { systemViewer } from "@/lib/auth/viewer";
import { openForNewRedWarnings } from "@/lib/supervision/auto-open";
import { write } from "@/lib/write";

async function main() {
  const { values: args } = parseArgs({ options: { month: { type: "string" }, json: { type: "boolean" } } });
  if (args.month !== undefined && !isIsoMonth(args.month)) {
    console.error(`参数有误：--month 应为 YYYY-MM 格式的月份，收到“${args.month}”`);
    process.exit(2);
  }
  const config = dbConfigFromEnv();
  const db = openDb(config);
  await tuneLocalDb(db, config.url);
  await migrateDb(db);
  await ensureDefaultCatalogue(db);
  const executor = openBatchExecutor(config.url, db.$client);
  try {
    const result = await runCompute(db, executor, args.month ? [args.month] : undefined);
    for (const notice of result.notices) console.error(`⚠ 注意：${notice}`);
    await write(db, systemViewer("命令行 compute"), recordComputation, result);
    const opened = await openForNewRedWarnings(db, result.months);
    if (opened.length > 0) console.error(`已按设置自动开具督办事项 ${opened.length} 项：${opened.map((id) => `#${id}`).join("、")}`);
    if (args.json) {
      const rows = await db
        .select({ month: indicatorValues.month, code: orgUnits.code, name: orgUnits.name, level: orgUnits.level,
          indicator: indicatorValues.indicatorCode, numerator: indicatorValues.numerator,
          denominator: indicatorValues.denominator, value: indicatorValues.value })
        .from(indicatorValues).innerJoin(orgUnits, eq(orgUnits.id, indicatorValues.orgUnitId))
        .where(args.month ? eq(indicatorValues.month, args.month) : undefined)
        .orderBy(indicatorValues.month, orgUnits.level, orgUnits.code, indicatorValues.indicatorCode);
      const out = rows.map(({ code, name, level, ...r }) => ({ month: r.month, orgUnit: { code, name, level },
        indicator: r.indicator, numerator: r.numerator, denominator: r.denominator, value: r.value }));
      process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
    } else {
      const span = result.months.length === 1 ? result.months[0] : `${result.months[0]} 至 ${result.months.at(-1)}`;
      console.log(`已计算 ${span}：指标值 ${result.values} 个，预警 ${result.warnings} 条，用时 ${result.seconds.toFixed(2)} 秒`);
    }
  } finally {
    executor.close();
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
