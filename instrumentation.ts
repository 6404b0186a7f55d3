// Next.js calls register() once when the server starts: the store is migrated before any page reads it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { openDb, dbConfigFromEnv, tuneLocalDb } = await import("./db/client");
  const { migrateDb } = await import("./db/migrate");
  const config = dbConfigFromEnv();
  const db = openDb(config);
  await tuneLocalDb(db, config.url);
  await migrateDb(db);
  const { ensureDefaultCatalogue } = await import("./lib/indicators/catalogue-store");
  await ensureDefaultCatalogue(db);
  db.$client.close();
}
