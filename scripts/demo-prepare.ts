import { count, eq } from "drizzle-orm";
import { openDb, dbConfigFromEnv, tuneLocalDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { appMeta, orgUnits, users } from "@/db/schema";
import { createDemoAccounts } from "@/lib/demo/accounts";
import { lastFullMonth } from "@/lib/dates";
import { loadDemoCity } from "@/lib/demo/load-demo";

// First start on a machine: migrate, and load the demo city if the store holds nothing yet.
async function main() {
  const config = dbConfigFromEnv();
  const db = openDb(config);
  await tuneLocalDb(db, config.url);
  await migrateDb(db);
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(orgUnits);
  if (n > 0) {
    // A demo store from before sign-in existed gets its demo accounts; a city's own store is left alone.
    const [{ accounts } = { accounts: 0 }] = await db.select({ accounts: count() }).from(users);
    const [dataset] = await db.select().from(appMeta).where(eq(appMeta.key, "dataset"));
    if (accounts === 0 && dataset?.value === "demo") {
      await createDemoAccounts(db);
      console.log("已为示范市创建演示账号（见 README）。");
    }
    db.$client.close();
    console.log("数据库已有数据，直接启动。");
    return;
  }
  db.$client.close();
  console.log("数据库为空，正在生成示范市演示数据（约60,000个主体）……");
  const stats = await loadDemoCity(config, { seed: 20_261, entities: 60_000, endMonth: lastFullMonth() });
  console.log(`演示数据已生成，用时 ${stats.seconds.toFixed(1)} 秒。`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
