import type { Client } from "@libsql/client";
import type { BatchExecutor } from "@/db/batch-executor";
import type { Verdict } from "@/db/schema";

/**
 * Whether a rectification worked, judged by the unit's latest value against the value the item was opened for:
 * the target reached is 整改有效; better than then is 部分改善; otherwise 未见效.
 */
export function verdictOf(direction: string, then: number | null, now: number | null, target: number | null): Verdict | null {
  if (now === null) return null;
  const better = (a: number, b: number) => (direction === "lower" ? a < b : a > b);
  if (target !== null && (direction === "lower" ? now <= target : now >= target)) return "effective";
  if (then !== null && better(now, then)) return "partial";
  return "none";
}

export const VERDICT_LABELS: Record<Verdict, string> = { effective: "整改有效", partial: "部分改善", none: "未见效" };

/**
 * After every computation: each item's value in the latest month from the one it was opened for, its verdict,
 * and whether an item closed as done is red again. Written through the engine's bulk executor.
 */
export async function refreshVerdicts(client: Client, executor: BatchExecutor): Promise<number> {
  const items = await client.execute(`
    SELECT s.id, s.status, s.month, s.value_at_creation AS then_value, s.target, i.direction, v.month AS now_month, v.value AS now_value,
      EXISTS (SELECT 1 FROM warnings w WHERE w.indicator_code = s.indicator_code AND w.org_unit_id = s.org_unit_id
        AND w.month = v.month AND w.kind = 'red') AS red
    FROM supervision_items s
    JOIN indicators i ON i.code = s.indicator_code
    LEFT JOIN indicator_values v ON v.indicator_code = s.indicator_code AND v.org_unit_id = s.org_unit_id
      AND v.month = (SELECT max(v2.month) FROM indicator_values v2
        WHERE v2.indicator_code = s.indicator_code AND v2.org_unit_id = s.org_unit_id AND v2.month >= s.month)`);
  if (items.rows.length === 0) return 0;
  const n = (x: unknown) => (x === null || x === undefined ? null : Number(x));
  await executor.run(items.rows.map((row) => {
    // The item's own month counts once corrections have changed it (its records re-sent, its codes corrected);
    // until then there is nothing new to judge.
    const unchanged = row.now_month === row.month && n(row.now_value) === n(row.then_value);
    const month = row.now_month === null || unchanged ? null : String(row.now_month);
    const now = month ? n(row.now_value) : null;
    const verdict = month ? verdictOf(String(row.direction), n(row.then_value), now, n(row.target)) : null;
    return {
      sql: "UPDATE supervision_items SET value_now = ?, value_now_month = ?, verdict = ?, red_after_closing = ? WHERE id = ?",
      args: [now, month, verdict, row.status === "accepted" && Number(row.red) === 1 ? 1 : 0, Number(row.id)],
    };
  }));
  return items.rows.length;
}
