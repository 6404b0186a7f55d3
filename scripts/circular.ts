import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { dbConfigFromEnv, openDb, tuneLocalDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { generateCircular } from "@/lib/circular/issue";
import { isIsoMonth } from "@/lib/dates";

// npm run circular -- --month 2026-10 --out DIR: writes the month's circular (draft) as Word and Excel.
async function main() {
  const { values } = parseArgs({ options: { month: { type: "string" }, out: { type: "string" } } });
  if (!values.month || !isIsoMonth(values.month)) {
    console.error("参数有误：--month 应为 YYYY-MM 格式的月份，如 --month 2026-10");
    process.exit(2);
  }
  if (!values.out) {
    console.error("参数有误：缺少 --out 输出目录");
    process.exit(2);
  }
  const config = dbConfigFromEnv();
  const db = openDb(config);
  await tuneLocalDb(db, config.url);
  await migrateDb(db);
  try {
    const circular = await generateCircular(db, values.month);
    if (!circular) {
      console.error(`${values.month}尚无计算好的指标：请先运行 npm run compute`);
      process.exit(1);
    }
    mkdirSync(values.out, { recursive: true });
    const base = join(values.out, circular.document.title);
    writeFileSync(`${base}.docx`, circular.docx);
    writeFileSync(`${base}附表.xlsx`, circular.xlsx);
    console.log(`已生成：\n  ${base}.docx\n  ${base}附表.xlsx`);
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
