import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { PROGRESS_STATUSES, progressReports, taskUnits } from "@/db/schema";
import { isIsoDate, todayInChina } from "@/lib/dates";

export const progressSchema = z.object({
  taskId: z.coerce.number().int().positive(),
  departmentId: z.coerce.number({ error: "请选择报送部门" }).int().positive("请选择报送部门"),
  status: z.enum(PROGRESS_STATUSES, { error: "请选择进展状态" }),
  note: z.string().trim().max(2000, "进展说明不超过2000字").default(""),
  reportedOn: z.string().refine(isIsoDate, "报送日期应为YYYY-MM-DD").refine((d) => d <= todayInChina(), "报送日期不能晚于今天"),
});

export type ProgressInput = z.infer<typeof progressSchema>;

export type RecordResult = { ok: true } | { ok: false; errors: Record<string, string> };

/** Records a department's progress on a task; only a department the task names may report on it. */
export async function recordProgress(db: Db, raw: unknown): Promise<RecordResult> {
  const parsed = progressSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])) };
  }
  const input = parsed.data;
  const [owner] = await db.select().from(taskUnits)
    .where(and(eq(taskUnits.taskId, input.taskId), eq(taskUnits.departmentId, input.departmentId))).limit(1);
  if (!owner) return { ok: false, errors: { departmentId: "该部门不是此任务的牵头或责任单位" } };
  await db.insert(progressReports).values(input);
  return { ok: true };
}
