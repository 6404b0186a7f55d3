import Database from "libsql";

/**
 * Statements that start with this comment are prepared once per connection and reused (see decision 012).
 * Only for INSERT/UPDATE/DELETE without RETURNING: the cached statement tells @libsql/client it returns no rows.
 */
export const REUSED_STATEMENT = "/* reused */ ";

// @libsql/client prepares every statement anew and asks each one for rows by catching the error raw() throws on a
// statement that returns none; for an import's 200,000 single-row INSERTs that doubles SQLite's own time.
const NO_ROWS = new TypeError("The raw() method is only for statements that return data");
const MAX_PER_CONNECTION = 64;

interface NativeStatement { run(args: unknown): unknown }
interface ReusedStatement { safeIntegers(): ReusedStatement; raw(): never; run(args: unknown): unknown; columns(): [] }

const caches = new WeakMap<object, Map<string, ReusedStatement>>();
let installed = false;

/**
 * Makes `prepare` of the native driver (the one @libsql/client's file connections use) reuse statements marked
 * with `REUSED_STATEMENT`, per connection. Every other statement is prepared as before. Idempotent.
 */
export function installStatementCache(): void {
  if (installed) return;
  const proto = Database.prototype as unknown as { prepare(this: object, sql: string): unknown };
  const prepare = proto.prepare;
  if (typeof prepare !== "function") return; // a driver without it: statements are simply prepared each time
  installed = true;
  proto.prepare = function prepareReusing(this: object, sql: string) {
    if (typeof sql !== "string" || !sql.startsWith(REUSED_STATEMENT)) return prepare.call(this, sql);
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new Map()));
    let reused = cache.get(sql);
    if (!reused) {
      const native = prepare.call(this, sql) as NativeStatement;
      reused = {
        safeIntegers() { return this; },
        raw() { throw NO_ROWS; },
        run: (args) => native.run(args),
        columns: () => [],
      };
      if (cache.size >= MAX_PER_CONNECTION) cache.clear();
      cache.set(sql, reused);
    }
    return reused;
  };
}
