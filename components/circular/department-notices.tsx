import { Panel } from "@/components/ui/panel";
import { formatMonthZh } from "@/lib/dates";
import type { NoticeSummary } from "@/lib/queries/department-notices";

const counts = (s: NoticeSummary) => `红 ${s.red} / 黄 ${s.yellow} / 督办 ${s.items} / 任务 ${s.tasks}`;

/**
 * 各部门问题清单 beside the month's circular: one Word file per department with anything to fix, and all of them as a
 * zip. `all` is for the office and 领导; a 部门 gets its own row only (the download checks this again).
 */
export function DepartmentNotices({ month, summaries, all, own }: { month: string; summaries: NoticeSummary[]; all: boolean; own?: number }) {
  const rows = all ? summaries : summaries.filter((s) => s.departmentId === own);
  const ownEmpty = !all && own !== undefined && rows.length === 0;
  return (
    <Panel id="notices" title="各部门问题清单"
      actions={all && summaries.length > 0 ? <a href={`/circulars/${month}/notices`} className="text-sm text-blue-800 hover:underline" download>全部下载（zip）</a> : undefined}>
      <p className="mb-2 text-xs text-slate-500">
        随{formatMonthZh(month)}通报发给各责任部门，每部门一页（Word）：负责的红色、黄色预警指标，未办结的督办事项，逾期或进度滞后的任务。按当前数据生成，只列有问题的部门。
      </p>
      {rows.length === 0 && !ownEmpty && <p className="text-sm text-slate-500">本月各部门均无需要整改的问题。</p>}
      {ownEmpty && (
        <p className="text-sm text-slate-500">
          本部门本月无需要整改的问题。<a href={`/circulars/${month}/notices/${own}`} className="text-blue-800 hover:underline" download>下载本部门问题清单</a>
        </p>
      )}
      {rows.length > 0 && (
        <ul className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {rows.map((s) => (
            <li key={s.departmentId} className="flex flex-wrap items-baseline gap-x-2">
              <a href={`/circulars/${month}/notices/${s.departmentId}`} className="text-blue-800 hover:underline" download>{s.shortName}</a>
              <span className="text-xs tabular-nums text-slate-500">{counts(s)}</span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
