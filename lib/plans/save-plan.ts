import { and, eq, inArray } from "drizzle-orm";
import { departmentAliases, departments, indicators, planTasks, progressReports, taskTargets, taskUnits, workPlans } from "@/db/schema";
import { isOffice } from "@/lib/auth/scope";
import { todayInChina } from "@/lib/dates";
import { conflict, Refusal, type Tx, type WriteAction } from "@/lib/write";
import { reviewedPlanSchema, taskFingerprint, unsettledUnits, type ReviewedPlan } from "./reviewed-plan";

/**
 * Saving a reviewed plan. A new version may replace only the plan in force: a second save of the same
 * review, or one made against a version someone else has since replaced, is refused and says so.
 */
export const savePlanAction: WriteAction<typeof reviewedPlanSchema, { planId: number; carriedTasks: number }> = {
  name: "plan.save", input: reviewedPlanSchema, allow: isOffice, refusal: "只有信用办可以保存工作要点",
  check: async (db, plan) => {
    const missing = unsettledUnits(plan);
    if (missing.length > 0) throw conflict(missing.join("；"));
    const named = [...new Set(plan.tasks.flatMap((t) => t.units.flatMap((u) => u.departmentIds)))];
    const known = new Set((named.length > 0 ? await db.select({ id: departments.id }).from(departments).where(inArray(departments.id, named)) : []).map((d) => d.id));
    for (const [i, task] of plan.tasks.entries()) {
      const unknown = task.units.find((u) => u.departmentIds.some((id) => !known.has(id)));
      if (unknown) throw new Refusal(422, `第${task.number}项任务的“${unknown.writtenAs}”对应的部门不存在，请重新选择`, { [`tasks.${i}.units`]: "所选部门不存在" });
    }
    if (plan.replacesPlanId) {
      const [replaced] = await db.select({ active: workPlans.active, title: workPlans.title }).from(workPlans).where(eq(workPlans.id, plan.replacesPlanId));
      if (!replaced) throw conflict("要替换的工作要点不存在，请重新读取");
      if (!replaced.active) throw conflict(`《${replaced.title}》已不是现行版本（已被替换），请刷新后重新读取再保存`);
    } else {
      const [same] = await db.select({ id: workPlans.id }).from(workPlans).where(and(eq(workPlans.title, plan.title), eq(workPlans.active, true)));
      if (same) throw conflict(`已有现行的《${plan.title}》，请在确认页选择“替换现行版本”后保存`);
    }
  },
  run: async (tx, plan) => {
    const saved = await savePlan(tx, plan);
    return {
      value: saved,
      audit: { entityType: "work_plan", entityId: saved.planId, summary: `保存工作要点《${plan.title}》（${plan.tasks.length}项任务${plan.replacesPlanId ? `，替换第${plan.replacesPlanId}号版本` : ""}）`, after: { title: plan.title, year: plan.year, tasks: plan.tasks.length, replacesPlanId: plan.replacesPlanId } },
    };
  },
};

/**
 * Saves a confirmed plan with its tasks, units and targets, and remembers how each unit name was settled.
 * A new version of a plan supersedes the old one, and every task whose text did not change keeps its
 * progress reports.
 */
async function savePlan(tx: Tx, plan: ReviewedPlan): Promise<{ planId: number; carriedTasks: number }> {
  const known = new Set((await tx.select({ code: indicators.code }).from(indicators)).map((i) => i.code));
  {
    const [saved] = await tx.insert(workPlans).values({
      title: plan.title, year: plan.year, originalText: plan.originalText, loadedOn: todayInChina(),
      supersedesId: plan.replacesPlanId, active: true,
    }).returning({ id: workPlans.id });
    const planId = saved!.id;
    const previous = plan.replacesPlanId
      ? await tx.select({ id: planTasks.id, fingerprint: planTasks.fingerprint }).from(planTasks).where(eq(planTasks.planId, plan.replacesPlanId))
      : [];
    if (plan.replacesPlanId) {
      const replaced = await tx.update(workPlans).set({ active: false }).where(and(eq(workPlans.id, plan.replacesPlanId), eq(workPlans.active, true))).returning({ id: workPlans.id });
      if (replaced.length === 0) throw conflict("要替换的工作要点已被他人替换，请刷新后重新读取");
    }
    const previousByPrint = new Map(previous.map((t) => [t.fingerprint, t.id]));
    let carriedTasks = 0;
    for (const [i, task] of plan.tasks.entries()) {
      const fingerprint = taskFingerprint(task);
      const [row] = await tx.insert(planTasks).values({
        planId, section: task.section, number: task.number, title: task.title, text: task.text,
        deadline: task.deadline, sortOrder: i + 1, fingerprint,
      }).returning({ id: planTasks.id });
      const taskId = row!.id;
      const units = task.units.flatMap((u) => [...new Set(u.departmentIds)].map((departmentId) => ({ taskId, departmentId, role: u.role, writtenAs: u.writtenAs })));
      if (units.length > 0) await tx.insert(taskUnits).values(units).onConflictDoNothing();
      if (task.targets.length > 0) {
        await tx.insert(taskTargets).values(task.targets.map((t) => ({
          taskId, indicatorCode: t.indicator && known.has(t.indicator) ? t.indicator : null, op: t.op, value: t.value, unit: t.unit, text: t.text,
        })));
      }
      const before = previousByPrint.get(fingerprint);
      if (before !== undefined) {
        const reports = await tx.select().from(progressReports).where(eq(progressReports.taskId, before));
        if (reports.length > 0) {
          await tx.insert(progressReports).values(reports.map(({ id: _id, ...r }) => ({ ...r, taskId })));
        }
        carriedTasks++;
      }
    }
    const aliases = plan.tasks.flatMap((t) => t.units.flatMap((u) => u.departmentIds.map((departmentId) => ({ alias: u.writtenAs, departmentId }))));
    if (aliases.length > 0) {
      const names = [...new Set(aliases.map((a) => a.alias))];
      await tx.delete(departmentAliases).where(inArray(departmentAliases.alias, names));
      await tx.insert(departmentAliases).values(aliases).onConflictDoNothing();
    }
    return { planId, carriedTasks };
  }
}
