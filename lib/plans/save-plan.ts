import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departmentAliases, indicators, planTasks, progressReports, taskTargets, taskUnits, workPlans } from "@/db/schema";
import { todayInChina } from "@/lib/dates";
import { taskFingerprint, type ReviewedPlan } from "./reviewed-plan";

/**
 * Saves a confirmed plan with its tasks, units and targets, and remembers how each unit name was settled.
 * A new version of a plan supersedes the old one, and every task whose text did not change keeps its
 * progress reports.
 */
export async function savePlan(db: Db, plan: ReviewedPlan): Promise<{ planId: number; carriedTasks: number }> {
  const known = new Set((await db.select({ code: indicators.code }).from(indicators)).map((i) => i.code));
  return db.transaction(async (tx) => {
    const [saved] = await tx.insert(workPlans).values({
      title: plan.title, year: plan.year, originalText: plan.originalText, loadedOn: todayInChina(),
      supersedesId: plan.replacesPlanId, active: true,
    }).returning({ id: workPlans.id });
    const planId = saved!.id;
    const previous = plan.replacesPlanId
      ? await tx.select({ id: planTasks.id, fingerprint: planTasks.fingerprint }).from(planTasks).where(eq(planTasks.planId, plan.replacesPlanId))
      : [];
    if (plan.replacesPlanId) await tx.update(workPlans).set({ active: false }).where(eq(workPlans.id, plan.replacesPlanId));
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
  });
}
