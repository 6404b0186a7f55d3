import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OpenItemForm } from "@/components/supervision/open-form";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { loadWorkCalendar } from "@/lib/calendar/store";
import { isIsoMonth, todayInChina } from "@/lib/dates";
import { getDrilldown } from "@/lib/indicators/drilldown";
import { getDepartmentChoices } from "@/lib/queries/settings";
import { addWorkingDays } from "@/lib/supervision/deadline";
import { readSupervisionSettings } from "@/lib/supervision/settings";
import { openingFacts, taskOpeningFacts } from "@/lib/supervision/queries";
import { getMonitoredMonths } from "@/lib/indicators/compute/run-compute";

export const metadata: Metadata = { title: "开具督办" };

/**
 * The office opens a 督办 item for one indicator value (who, by when, and the records that go with it) or, with
 * `?task=`, for a work-plan task.
 */
export default async function NewSupervisionPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requireRole("office");
  const q = await searchParams;
  const db = getDb();
  const [choices, calendar, settings, months] = await Promise.all([getDepartmentChoices(), loadWorkCalendar(db), readSupervisionSettings(db), getMonitoredMonths(db)]);
  const deadline = addWorkingDays(calendar, todayInChina(), settings.defaultWorkingDays);
  if (q.task !== undefined) {
    const facts = await taskOpeningFacts(db, Number(q.task));
    if (!facts) notFound();
    const { task, owners } = facts;
    return (
      <div className="space-y-5">
        <div>
          <p className="text-sm"><Link href="/supervision" className="text-blue-800 hover:underline">督办</Link> / <Link href={`/tasks/${task.id}`} className="text-blue-800 hover:underline">任务 {task.number}</Link></p>
          <h1 className="text-xl font-semibold">开具督办：工作任务 {task.number}</h1>
          <p className="mt-1 text-sm text-slate-600">{task.title}{task.deadline ? `（完成时限 ${task.deadline}）` : ""}</p>
        </div>
        <Panel title="督办内容">
          <OpenItemForm subject={{ taskId: task.id }} month={months.at(-1)!} departments={choices} owners={owners} ownersLabel="承担该任务的部门" deadline={deadline} />
        </Panel>
      </div>
    );
  }
  const unitId = Number(q.unit);
  if (!q.indicator || !q.month || !isIsoMonth(q.month) || !Number.isSafeInteger(unitId) || unitId <= 0) notFound();
  const facts = await openingFacts(db, q.indicator, unitId);
  if (!facts) notFound();
  const { indicator, unit, owners } = facts;
  const drilldown = await getDrilldown(db, viewer, { indicatorCode: indicator.code, orgUnitId: unit.id, month: q.month, pageSize: 1 });
  const records = drilldown && drilldown !== "forbidden" ? drilldown.total : 0;
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href="/supervision" className="text-blue-800 hover:underline">督办</Link> /</p>
        <h1 className="text-xl font-semibold">开具督办：{unit.name}{indicator.name}（{q.month}）</h1>
        <p className="mt-1 text-sm text-slate-500">开具时附上该值背后的 {records} 条记录（开具后冻结，最多5000条），责任单位逐条标记整改情况。</p>
      </div>
      <Panel title="督办内容">
        <OpenItemForm subject={{ indicatorCode: indicator.code, orgUnitId: unit.id, warningKind: q.warning ?? null }} month={q.month}
          departments={choices} owners={owners} ownersLabel="该指标的责任部门" deadline={deadline} />
      </Panel>
    </div>
  );
}
