import { count } from "drizzle-orm";
import { openDb, dbConfigFromEnv, tuneLocalDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { orgUnits } from "@/db/schema";
import { lastFullMonth } from "@/lib/dates";
import { loadDemoCity } from "@/lib/demo/load-demo";

// First start on a machine: migrate, and load the demo city if the store holds nothing yet.
async function main() {
  const config = dbConfigFromEnv();
  const db = openDb(config);
  await tuneLocalDb(db, config.url);
  await migrateDb(db);
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(orgUnits);
  db.$client.close();
  if (n > 0) {
    console.log("数据库已有数据，直接启动。");
    return;
  }
  console.log("数据库为空，正在生成示范市演示数据（约60,000个主体）……");
  const stats = await loadDemoCity(config, { seed: 20_261, entities: 60_000, endMonth: lastFullMonth() });
  console.log(`演示数据已生成，用时 ${stats.seconds.toFixed(1)} 秒。`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
