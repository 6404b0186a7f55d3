import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments, PROGRESS_STATUSES, progressReports, taskUnits } from "@/db/schema";
import { canWrite } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/viewer";
import { isIsoDate, todayInChina } from "@/lib/dates";
import { conflict, forbidden, Refusal, z, type Tx, type WriteAction } from "@/lib/write";

export const progressSchema = z.object({
  taskId: z.coerce.number({ error: "任务编号有误" }).int().positive("任务编号有误"),
  departmentId: z.coerce.number({ error: "请选择报送部门" }).int().positive("请选择报送部门"),
  status: z.enum(PROGRESS_STATUSES, { error: "请选择进展状态" }),
  note: z.string().trim().max(2000, "进展说明不超过2000字").default(""),
  reportedOn: z.string({ error: "请填写报送日期" }).refine(isIsoDate, "报送日期应为YYYY-MM-DD").refine((d) => d <= todayInChina(), "报送日期不能晚于今天"),
});

export type ProgressInput = z.infer<typeof progressSchema>;

/** The departments a viewer may report as: a 部门 only itself, a 区县 its district's own bodies, the office any. */
export async function reportingDepartments(db: Db | Tx, viewer: Viewer): Promise<number[] | "any"> {
  if (viewer.role === "office") return "any";
  if (viewer.role === "department") return viewer.departmentId ? [viewer.departmentId] : [];
  if (viewer.role === "district" && viewer.districtId) {
    return (await db.select({ id: departments.id }).from(departments).where(eq(departments.orgUnitId, viewer.districtId))).map((d) => d.id);
  }
  return [];
}

/**
 * A department's progress on a task. Only a department the task names may report, a 部门 only as
 * itself; the same report sent again (a double click, a resent form) is recognised, not stored twice.
 */
export const recordProgress: WriteAction<typeof progressSchema, { id: number }> = {
  name: "progress.report", input: progressSchema, allow: canWrite, refusal: "领导账号只能查看，不能报送进展",
  check: async (db, input, viewer) => {
    const allowed = await reportingDepartments(db, viewer);
    if (allowed !== "any" && !allowed.includes(input.departmentId)) throw forbidden("只能以本单位名义报送进展");
    const [owner] = await db.select().from(taskUnits)
      .where(and(eq(taskUnits.taskId, input.taskId), eq(taskUnits.departmentId, input.departmentId))).limit(1);
    if (!owner) throw new Refusal(422, "该部门不是此任务的牵头或责任单位", { departmentId: "该部门不是此任务的牵头或责任单位" });
  },
  run: async (tx, input) => {
    const [latest] = await tx.select().from(progressReports)
      .where(and(eq(progressReports.taskId, input.taskId), eq(progressReports.departmentId, input.departmentId)))
      .orderBy(desc(progressReports.id)).limit(1);
    if (latest && latest.status === input.status && latest.note === input.note && latest.reportedOn === input.reportedOn) {
      throw conflict("相同的进展此前已报送，无需重复提交");
    }
    const [row] = await tx.insert(progressReports).values(input).returning({ id: progressReports.id });
    return { value: { id: row!.id }, audit: { entityType: "progress_report", entityId: row!.id, departmentId: input.departmentId, summary: `报送第${input.taskId}号任务进展`, after: input } };
  },
};
