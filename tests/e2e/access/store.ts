import { createClient, type Client } from "@libsql/client";

/**
 * The store the test server runs on (playwright.config seeds it before starting the server). Read for
 * the ids the demo city got; written only for the task fixture below, which it removes again.
 */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:data/e2e.db";

export function openStore(): Client {
  return createClient({ url: E2E_DATABASE_URL });
}

export interface Unit {
  id: number;
  code: string;
  name: string;
}

/** The demo city's ids, looked up rather than assumed: they follow the generator's insertion order. */
export interface DemoIds {
  city: Unit;
  /** 城关区, the chengguan account's district, and one of its towns. */
  chengguan: Unit;
  chengguanTown: Unit;
  /** 西山区, another district (the xishan account's), and one of its towns. */
  xishan: Unit;
  xishanTown: Unit;
  samr: { id: number; shortName: string; name: string; authority: string | null };
  tax: { id: number; shortName: string; name: string };
  transport: { id: number; shortName: string };
  /** The latest computed month (what pages show by default). */
  latestMonth: string;
}

export async function lookUpIds(db: Client = openStore()): Promise<DemoIds> {
  const unit = async (where: string, args: (string | number)[]): Promise<Unit> => {
    const { rows } = await db.execute({ sql: `SELECT id, code, name FROM org_units WHERE ${where} ORDER BY sort_order, id LIMIT 1`, args });
    const row = rows[0];
    if (!row) throw new Error(`示范市中没有符合条件的单位：${where} ${args.join(",")}`);
    return { id: Number(row.id), code: String(row.code), name: String(row.name) };
  };
  const department = async (code: string) => {
    const { rows } = await db.execute({ sql: "SELECT id, name, short_name, registers_authority FROM departments WHERE code = ?", args: [code] });
    const row = rows[0];
    if (!row) throw new Error(`示范市中没有部门 ${code}`);
    return { id: Number(row.id), name: String(row.name), shortName: String(row.short_name), authority: row.registers_authority === null ? null : String(row.registers_authority) };
  };
  const city = await unit("level = 'city'", []);
  const chengguan = await unit("code = ?", ["339902"]);
  const xishan = await unit("code = ?", ["339904"]);
  const [chengguanTown, xishanTown] = await Promise.all([
    unit("level = 'town' AND parent_id = ?", [chengguan.id]),
    unit("level = 'town' AND parent_id = ?", [xishan.id]),
  ]);
  const [samr, tax, transport] = await Promise.all([department("samr"), department("tax"), department("transport")]);
  const { rows } = await db.execute("SELECT max(month) AS month FROM composite_scores");
  const latestMonth = String(rows[0]?.month ?? "");
  if (!/^\d{4}-\d{2}$/.test(latestMonth)) throw new Error("测试库中没有计算好的月份");
  return { city, chengguan, chengguanTown, xishan, xishanTown, samr, tax: { id: tax.id, name: tax.name, shortName: tax.shortName }, transport: { id: transport.id, shortName: transport.shortName }, latestMonth };
}

export interface PlantedTasks {
  planId: number;
  /** Names 市市场监管局 (responsible) and 市交通运输局 (lead): samr's own task. */
  own: { id: number; title: string };
  /** Names only 市税务局: another department's task. */
  other: { id: number; title: string };
  remove: () => Promise<void>;
}

/**
 * Two tasks of an extra work plan, written straight into the store. The demo city has no plan, and
 * loading one through 载入工作要点 would leave it in force for every later journey (the work-plan
 * journey loads its own plan and counts its tasks), so these are planted here and removed afterwards
 * with whatever progress was reported on them.
 */
export async function plantTasks(ids: DemoIds, db: Client = openStore()): Promise<PlantedTasks> {
  await db.execute("PRAGMA busy_timeout = 5000");
  const stamp = `${Date.now()}`;
  const title = `门禁测试工作要点（${stamp}）`;
  const today = new Date().toISOString().slice(0, 10);
  const plan = await db.execute({
    sql: "INSERT INTO work_plans (title, year, original_text, loaded_on, supersedes_id, active) VALUES (?, ?, ?, ?, NULL, 1) RETURNING id",
    args: [title, Number(today.slice(0, 4)), "门禁测试用工作要点，测试结束即删除。", today],
  });
  const planId = Number(plan.rows[0]!.id);
  const task = async (order: number, taskTitle: string, units: { id: number; role: "lead" | "responsible"; writtenAs: string }[]) => {
    const row = await db.execute({
      sql: "INSERT INTO plan_tasks (plan_id, section, number, title, text, deadline, sort_order, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      args: [planId, "（一）门禁测试", String(order), taskTitle, `${taskTitle}。`, `${today.slice(0, 4)}-12-31`, order, `access-fixture-${stamp}-${order}`],
    });
    const id = Number(row.rows[0]!.id);
    for (const u of units) {
      await db.execute({ sql: "INSERT INTO task_units (task_id, department_id, role, written_as) VALUES (?, ?, ?, ?)", args: [id, u.id, u.role, u.writtenAs] });
    }
    return { id, title: taskTitle };
  };
  const own = await task(1, "门禁测试：规范双公示报送", [
    { id: ids.transport.id, role: "lead", writtenAs: ids.transport.shortName },
    { id: ids.samr.id, role: "responsible", writtenAs: ids.samr.shortName },
  ]);
  const other = await task(2, "门禁测试：推进纳税信用评价", [{ id: ids.tax.id, role: "responsible", writtenAs: ids.tax.shortName }]);
  const taskIds = [own.id, other.id];
  return {
    planId, own, other,
    remove: async () => {
      const list = taskIds.join(",");
      await db.batch([
        `DELETE FROM progress_reports WHERE task_id IN (${list})`,
        `DELETE FROM task_targets WHERE task_id IN (${list})`,
        `DELETE FROM task_units WHERE task_id IN (${list})`,
        `DELETE FROM plan_tasks WHERE id IN (${list})`,
        { sql: "DELETE FROM work_plans WHERE id = ?", args: [planId] },
      ], "write");
    },
  };
}

/** Progress reports stored for a task (to see that a refused report left nothing behind). */
export async function progressOf(taskId: number, db: Client = openStore()): Promise<{ departmentId: number; note: string }[]> {
  const { rows } = await db.execute({ sql: "SELECT department_id, note FROM progress_reports WHERE task_id = ? ORDER BY id", args: [taskId] });
  return rows.map((r) => ({ departmentId: Number(r.department_id), note: String(r.note) }));
}

/** One value from the store, for checking that a refused write left it as it was. */
export async function scalar(sql: string, args: (string | number)[] = [], db: Client = openStore()): Promise<string | number | null> {
  const { rows } = await db.execute({ sql, args });
  const value = rows[0] ? Object.values(rows[0])[0] : null;
  return value === undefined || value === null ? null : typeof value === "bigint" ? Number(value) : (value as string | number);
}
