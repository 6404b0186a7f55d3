import { openDb, tuneLocalDb } from "@/db/client";
import { systemViewer } from "@/lib/auth/viewer";
import { addDays, todayInChina, type IsoDate } from "@/lib/dates";
import { openSupervision } from "@/lib/supervision/open";

/**
 * Gives a benchmark store the 督办 items a city working through its red warnings would have: one for each red
 * warning of the city and its districts, latest months first, up to `max`, handed to the indicator's owner
 * departments and opened through the office's own write path (each freezes the records behind its value). A store
 * that already has items keeps them. Returns how many items the store has and how long opening took.
 */
export async function openBenchSupervision(path: string, max = 300): Promise<{ items: number; opened: number; seconds: number }> {
  const url = `file:${path}`;
  const db = openDb({ url });
  await tuneLocalDb(db, url);
  const started = performance.now();
  try {
    const count = async () => Number((await db.$client.execute("SELECT count(*) AS n FROM supervision_items")).rows[0]!.n);
    const before = await count();
    if (before > 0) return { items: before, opened: 0, seconds: 0 };
    const { rows: reds } = await db.$client.execute({
      sql: `SELECT w.indicator_code, w.org_unit_id, w.month, i.owner_departments FROM warnings w
              JOIN org_units u ON u.id = w.org_unit_id JOIN indicators i ON i.code = w.indicator_code
            WHERE w.kind = 'red' AND u.level IN ('city', 'district') ORDER BY w.month DESC, w.org_unit_id, w.indicator_code LIMIT ?`,
      args: [max],
    });
    const departments = (await db.$client.execute("SELECT id, code FROM departments")).rows.map((r) => ({ id: Number(r.id), code: String(r.code) }));
    const viewer = systemViewer("bench:督办");
    const deadline = addDays(todayInChina() as IsoDate, 15);
    let opened = 0;
    for (const red of reds) {
      const owners = JSON.parse(String(red.owner_departments ?? "[]")) as string[];
      const departmentIds = departments.filter((d) => owners.includes(d.code)).map((d) => d.id);
      if (departmentIds.length === 0) continue;
      const outcome = await openSupervision(db, viewer, {
        indicatorCode: String(red.indicator_code), orgUnitId: Number(red.org_unit_id), month: String(red.month), warningKind: "red",
        departmentIds, deadline, note: "基准测试：红色预警督办",
      });
      if (!outcome.ok) throw new Error(`开具督办失败 opening a 督办 item failed: ${outcome.message}`);
      opened++;
    }
    return { items: await count(), opened, seconds: (performance.now() - started) / 1000 };
  } finally {
    db.$client.close();
  }
}
