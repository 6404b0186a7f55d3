import { openDb, dbConfigFromEnv, tuneLocalDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { ensureDefaultCatalogue } from "@/lib/indicators/catalogue-store";

async function main() {
  const config = dbConfigFromEnv();
  const db = openDb(config);
  await tuneLocalDb(db, config.url);
  await migrateDb(db);
  await ensureDefaultCatalogue(db);
  db.$client.close();
  console.log(`数据库已迁移到最新结构：${config.url.replace(/\?.*$/, "")}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
