import type { Client } from "@libsql/client";
import type { IsoMonth } from "@/lib/dates";
import type { SupervisionFacts } from "./facts";

/**
 * 督办 items of the circular's month and before, as they stand today: how many were opened for the month, how many
 * are still open or closed, the overdue ones by name, and what the data says of the closed ones.
 */
export async function loadSupervisionFacts(client: Client, month: IsoMonth, today: string): Promise<SupervisionFacts> {
  const { rows } = await client.execute({
    sql: `SELECT i.id, i.month, i.status, i.deadline, i.verdict, i.task_label, u.name AS unit, ind.name AS indicator,
            (SELECT group_concat(d.short_name, '、') FROM supervision_item_departments x JOIN departments d ON d.id = x.department_id WHERE x.item_id = i.id) AS departments
          FROM supervision_items i LEFT JOIN org_units u ON u.id = i.org_unit_id LEFT JOIN indicators ind ON ind.code = i.indicator_code
          WHERE i.month <= ? ORDER BY i.deadline, i.id`,
    args: [month],
  });
  const closed = rows.filter((r) => r.status === "accepted");
  const open = rows.filter((r) => r.status !== "accepted");
  const verdict = (v: string) => closed.filter((r) => r.verdict === v).length;
  return {
    openedThisMonth: rows.filter((r) => r.month === month).length,
    open: open.length,
    closed: closed.length,
    overdue: open.filter((r) => String(r.deadline) < today).map((r) => ({
      label: r.indicator ? `${r.unit ?? ""}${r.indicator}` : String(r.task_label ?? "工作要点任务"),
      departments: r.departments ? String(r.departments).split("、") : [],
      deadline: String(r.deadline),
    })),
    verdicts: { effective: verdict("effective"), partial: verdict("partial"), none: verdict("none") },
  };
}
