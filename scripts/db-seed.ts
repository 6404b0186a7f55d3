import { parseArgs } from "node:util";
import { z } from "zod";
import { dbConfigFromEnv } from "@/db/client";
import { isIsoMonth, lastFullMonth } from "@/lib/dates";
import { loadDemoCity, SeedRefusal } from "@/lib/demo/load-demo";

const argsSchema = z.object({
  seed: z.coerce.number().int("--seed 须为整数").default(20_261),
  entities: z.coerce.number().int().min(100, "--entities 至少为 100").max(20_000_000).default(60_000),
  "end-month": z.string().refine(isIsoMonth, "--end-month 格式应为 YYYY-MM").default(lastFullMonth()),
  months: z.coerce.number().int().min(1).max(60).default(24),
});

async function main() {
  const { values } = parseArgs({
    options: { seed: { type: "string" }, entities: { type: "string" }, "end-month": { type: "string" }, months: { type: "string" }, replace: { type: "boolean" } },
  });
  const { replace, ...rest } = values;
  const parsed = argsSchema.safeParse(rest);
  if (!parsed.success) {
    console.error(`参数有误：${parsed.error.issues.map((i) => i.message).join("；")}`);
    process.exit(2);
  }
  const args = parsed.data;
  const config = dbConfigFromEnv();
  console.log(`生成示范市演示数据：主体 ${args.entities} 个，种子 ${args.seed}，截至 ${args["end-month"]}（${args.months} 个月）→ ${config.url}`);
  const stats = await loadDemoCity(config, {
    seed: args.seed, entities: args.entities, endMonth: args["end-month"], months: args.months,
  }, { replace: replace === true });
  for (const [table, count] of Object.entries(stats.rows)) console.log(`  ${table.padEnd(20)} ${count.toLocaleString("zh-CN")} 行`);
  console.log(`用时 ${stats.seconds.toFixed(1)} 秒（其中计算指标 ${stats.computeSeconds.toFixed(1)} 秒），内存峰值 ${stats.peakRssMb.toFixed(0)} MB`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof SeedRefusal ? 2 : 1);
});
