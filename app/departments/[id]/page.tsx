import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { BadSgsRecords, IssuedCodeProblems } from "@/components/departments/bad-records";
import { ViewBar } from "@/components/filters/view-bar";
import { StatusBadge } from "@/components/tasks/status-badge";
import { TargetList } from "@/components/tasks/target-list";
import { ItemTable } from "@/components/supervision/item-table";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { loadWorkCalendar } from "@/lib/calendar/store";
import { formatMonthZh, todayInChina } from "@/lib/dates";
import { itemsOfDepartment } from "@/lib/supervision/queries";
import { SupervisionMark } from "@/components/supervision/supervision-mark";
import { requireViewer } from "@/lib/auth/request";
import { canSeeDepartment } from "@/lib/auth/scope";
import { parseViewParams, viewHref } from "@/lib/dashboard/params";
import { formatIndicatorValue } from "@/lib/format";
import { departmentReads, getDepartmentScope } from "@/lib/queries/department";
import { getComputedMonths } from "@/lib/queries/months";
import { getMonthItems } from "@/lib/queries/supervision";

export const metadata: Metadata = { title: "部门" };

// The department's page shows its most pressing open items; the 督办 list holds them all.
const SHOWN_ITEMS = 20;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DepartmentPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const raw = (await params).id;
  const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : 0;
  // Another department's page is refused before anything of it is read.
  if (id > 0 && !canSeeDepartment(viewer, id)) forbidden();
  const scope = id > 0 ? await getDepartmentScope(id) : null;
  if (!scope) notFound();
  const months = await getComputedMonths();
  const view = parseViewParams(await searchParams, months);
  const db = getDb();
  const calendar = await loadWorkCalendar(db);
  const [weak, tasks, records, codes, supervised, monthItems] = await Promise.all([
    months.length > 0 ? departmentReads.weakIndicators(id, view.month).then((w) => w ?? []) : Promise.resolve([]),
    scope.tasks(months.at(-1) ?? null),
    departmentReads.badSgsRecords(id, view.month, 1),
    departmentReads.issuedCodeProblems(id, view.month, 1),
    itemsOfDepartment(db, id, calendar, todayInChina()),
    getMonthItems(view.month),
  ]);
  const openItems = supervised.filter((i) => i.status !== "accepted");
  return (
    <div className="space-y-5">
      <ViewBar title={scope.department.name} subtitle="本部门需要关注和整改的事项" path={`/departments/${id}`} view={view} months={months} />
      {view.month && (
        <p className="no-print text-sm">
          <a href={`/circulars/${view.month}/notices/${id}`} className="text-blue-800 hover:underline" download>下载本部门{formatMonthZh(view.month)}问题清单</a>
          <span className="ml-2 text-xs text-slate-500">（Word，随月度通报发给本部门：预警指标、未办结督办事项、逾期任务）</span>
        </p>
      )}
      <Panel title={`本部门负责的未达标指标（${weak.length}）`}>
        {weak.length === 0 ? <p className="text-sm text-green-700">本部门负责的指标本月均已达标。</p> : (
          <ul className="space-y-2 text-sm">
            {weak.map((w) => (
              <li key={w.indicator.code} className="flex flex-wrap items-center gap-x-3">
                <span className="w-20 font-semibold tabular-nums text-red-700">−{w.lostPoints.toFixed(2)}分</span>
                <Link href={viewHref(`/indicators/${w.indicator.code}`, view)} className="font-medium text-blue-800 hover:underline">{w.indicator.name}</Link>
                <span className="tabular-nums">全市{formatIndicatorValue(w.value, w.indicator.unit)}（目标{w.indicator.direction === "higher" ? "≥" : "≤"}{formatIndicatorValue(w.indicator.target, w.indicator.unit)}）</span>
                {w.worst.length > 0 && (
                  <span className="flex flex-wrap items-center gap-x-2 text-xs text-slate-500">最差：
                    {w.worst.map((d) => (
                      <span key={d.id} className="inline-flex items-center gap-1">{d.name} {formatIndicatorValue(d.value, w.indicator.unit)}
                        <SupervisionMark item={monthItems.get(`${w.indicator.code}|${d.id}`)} canOpen={viewer.role === "office"} indicatorCode={w.indicator.code}
                          unitId={d.id} unitName={`${d.name}${w.indicator.name}`} month={view.month} />
                      </span>
                    ))}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel title={`本部门的督办事项（未办结 ${openItems.length} 件）`}>
        {openItems.length === 0 ? <p className="text-sm text-slate-500">没有待办的督办事项。</p> : <ItemTable items={openItems.slice(0, SHOWN_ITEMS)} caption="本部门的督办事项" />}
        {openItems.length > SHOWN_ITEMS && (
          <p className="mt-2 text-sm">
            以上是最紧迫的 {SHOWN_ITEMS} 件，<Link href={`/supervision?department=${id}`} className="text-blue-800 hover:underline">查看全部 {openItems.length} 件</Link>
          </p>
        )}
      </Panel>
      <Panel title={`本部门承担的任务（${tasks.length}）`}>
        {tasks.length === 0 ? <p className="text-sm text-slate-500">工作要点中暂无本部门的任务。</p> : (
          <table className="w-full text-sm">
            <caption className="sr-only">本部门承担的任务</caption>
            <thead className="text-xs text-slate-500"><tr>{["序号", "任务", "目标（现值）", "期限", "状态"].map((h) => <th key={h} scope="col" className="py-1 text-left font-medium">{h}</th>)}</tr></thead>
            <tbody>
              {tasks.map((t) => (
                <tr key={t.id} className="border-t border-slate-100 align-top">
                  <td className="py-1 text-slate-500">{t.number}</td>
                  <th scope="row" className="py-1 text-left font-normal"><Link href={`/tasks/${t.id}`} className="text-blue-800 hover:underline">{t.title}</Link>{t.leads.some((l) => l.id === id) && <span className="ml-1 text-xs text-blue-700">牵头</span>}</th>
                  <td className="py-1 text-xs"><TargetList targets={t.targets} /></td>
                  <td className="py-1 text-xs tabular-nums">{t.deadline ?? "—"}</td>
                  <td className="py-1"><StatusBadge status={t.status} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <Panel title="本部门需整改的双公示记录（本月决定）"><BadSgsRecords data={records ?? { total: 0, rows: [] }} /></Panel>
      {codes && <Panel title="本部门登记的无效或重复代码"><IssuedCodeProblems data={codes} /></Panel>}
    </div>
  );
}
