import { existsSync } from "node:fs";
import type { DbConfig } from "@/db/client";
import { createClient } from "@libsql/client";
import { DEMO_ACCOUNTS } from "./accounts";

/**
 * What a store holds that an office made itself — loaded files, issued circulars, work plans, accounts of its
 * own — and that a demo seed would wipe. Empty for a new store or one holding only the generated city.
 */
export async function officeDataIn(config: DbConfig): Promise<string[]> {
  if (config.url.startsWith("file:") && !existsSync(config.url.slice("file:".length))) return [];
  const client = createClient({ url: config.url, authToken: config.authToken });
  try {
    const tables = new Set((await client.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows.map((r) => String(r.name)));
    const count = async (table: string, where = "") => (tables.has(table) ? Number((await client.execute(`SELECT count(*) AS n FROM "${table}" ${where}`)).rows[0]?.n ?? 0) : 0);
    const demo = DEMO_ACCOUNTS.map((a) => `'${a.username.replace(/'/g, "''")}'`).join(",");
    const found: [string, number][] = [
      ["导入批次", await count("import_batches")],
      ["已印发的通报", await count("circulars")],
      ["工作要点", await count("work_plans")],
      ["自建账号", await count("users", `WHERE username NOT IN (${demo})`)],
    ];
    return found.filter(([, n]) => n > 0).map(([what, n]) => `${what} ${n} 条`);
  } finally {
    client.close();
  }
}
