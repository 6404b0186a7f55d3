import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AcknowledgeButton, AttachmentForm, FeedbackForm, MarkRecordForm, RemoveAttachmentButton, ReviewForm } from "@/components/supervision/item-forms";
import { LightBadge } from "@/components/supervision/light";
import { Pager } from "@/components/ui/pager";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { allowOr403, requireViewer } from "@/lib/auth/request";
import { loadWorkCalendar } from "@/lib/calendar/store";
import { todayInChina } from "@/lib/dates";
import { formatIndicatorValue } from "@/lib/format";
import { dataStateLabel, MARK_LABELS, STATUS_LABELS } from "@/lib/supervision/labels";
import { listAttachments } from "@/lib/supervision/attachments";
import { getItem } from "@/lib/supervision/queries";
import { judgedItemRecords } from "@/lib/queries/supervision";
import { VERDICT_LABELS } from "@/lib/supervision/verdicts";

export const metadata: Metadata = { title: "督办事项" };
// Records are shown a page at a time: a form per record made a 2,000-record item a heavy page (decision 020).
const RECORDS_PER_PAGE = 100;

export default async function SupervisionItemPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const { id } = await params;
  const db = getDb();
  const found = await getItem(db, viewer, Number(id), await loadWorkCalendar(db), todayInChina(), judgedItemRecords);
  if (found === null) notFound();
  allowOr403(found !== "forbidden");
  if (found === "forbidden") return null;
  const { item, party, columns } = found;
  const attachments = await listAttachments(db, item.id);
  // Search the attached records by any of their cells: name, code, document number, department…
  const query = await searchParams;
  const q = (typeof query.q === "string" ? query.q : "").trim().slice(0, 100);
  const records = q ? found.records.filter((r) => Object.values(r.data).some((v) => v !== null && String(v).includes(q))) : found.records;
  const pageCount = Math.max(1, Math.ceil(records.length / RECORDS_PER_PAGE));
  const page = Math.min(pageCount, Math.max(1, Math.floor(Number(query.page)) || 1));
  const hrefFor = (n: number) => `/supervision/${item.id}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;
  const working = party && (item.status === "open" || item.status === "acknowledged" || item.status === "returned");
  const checked = found.records.flatMap((r) => (r.dataState ? [r.dataState] : []));
  const fixedCount = checked.filter((s) => s.fixed).length;
  const facts: [string, React.ReactNode][] = [
    ...(item.taskId !== null ? [
      ["工作任务", <Link key="t" href={`/tasks/${item.taskId}`} className="text-blue-800 hover:underline">{item.taskLabel}</Link>], ["月份", item.month],
    ] as [string, React.ReactNode][] : [
      ["指标", item.indicatorName], ["单位", item.unitName], ["月份", item.month],
      ["开具时的值", `${formatIndicatorValue(item.valueAtCreation, item.indicatorUnit)}（目标 ${formatIndicatorValue(item.target, item.indicatorUnit)}）`],
      ["最新的值", item.valueNowMonth ? `${formatIndicatorValue(item.valueNow, item.indicatorUnit)}（${item.valueNowMonth}）${item.verdict ? ` · ${VERDICT_LABELS[item.verdict]}` : ""}` : "待数据更新：整改后的数据导入并计算后显示"],
    ] as [string, React.ReactNode][]),
    ["责任单位", item.departments.map((d) => d.name).join("、")], ["期限", item.deadline], ["状态", STATUS_LABELS[item.status]], ["进度", <LightBadge key="l" light={item.light} />],
    ...(item.recordCount > 0 ? [["数据核验", checked.length > 0 ? `所附 ${checked.length} 条中 ${fixedCount} 条已在数据中更正（${checked[0]!.month}数据）` : "暂无法核验"] as [string, React.ReactNode]] : []),
  ];
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href="/supervision" className="text-blue-800 hover:underline">督办</Link> /</p>
        <h1 className="text-xl font-semibold">督办事项 #{item.id}：{item.subject}</h1>
      </div>
      <Panel title="事项">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {facts.map(([k, v]) => <div key={k} className="flex gap-2"><dt className="w-24 shrink-0 text-slate-500">{k}</dt><dd>{v}</dd></div>)}
        </dl>
        {item.redAfterClosing && <p role="alert" className="mt-3 text-sm text-red-700">已办结，但该指标在{item.valueNowMonth}仍为红色预警，请复核整改效果。</p>}
        {item.note && <p className="mt-3 text-sm"><span className="text-slate-500">督办要求：</span>{item.note}</p>}
        {item.returnReason && item.status === "returned" && <p role="alert" className="mt-3 text-sm text-red-700">信用办退回：{item.returnReason}</p>}
        {party && item.status === "open" && <div className="mt-3"><AcknowledgeButton itemId={item.id} /></div>}
      </Panel>
      {item.taskId === null && (
      <Panel title={`所附记录（${item.recordCount} 条，开具时冻结）`} actions={records.length > 0 ? <a href={`/supervision/${item.id}/records`} className="text-sm text-blue-800 hover:underline">下载 Excel</a> : undefined}>
        {found.records.length > 0 && (
          <form className="mb-3 flex items-center gap-2 text-sm" role="search" aria-label="查找所附记录">
            <input name="q" defaultValue={q} maxLength={100} placeholder="名称、代码、文书号、部门…" aria-label="查找所附记录" className="w-72 rounded border border-slate-300 px-2 py-1" />
            <button type="submit" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50">查找</button>
            {q && <span className="text-slate-500">找到 {records.length} 条</span>}
          </form>
        )}
        {records.length === 0 ? <p className="text-sm text-slate-500">{q ? "没有符合条件的记录。" : "该指标值没有可列出的记录。"}</p> : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="bg-slate-50 text-xs text-slate-500">
                <tr>
                  <th scope="col" className="px-2 py-2 text-left font-medium">序号</th>
                  {columns.map((c) => <th key={c.key} scope="col" className="px-2 py-2 text-left font-medium">{c.label}</th>)}
                  <th scope="col" className="px-2 py-2 text-left font-medium">整改情况</th>
                  <th scope="col" className="px-2 py-2 text-left font-medium">数据核验</th>
                </tr>
              </thead>
              <tbody>
                {records.slice((page - 1) * RECORDS_PER_PAGE, page * RECORDS_PER_PAGE).map((r) => (
                  <tr key={r.id} className="border-t border-slate-100 align-top">
                    <th scope="row" className="px-2 py-1.5 text-left font-normal tabular-nums">{r.position}</th>
                    {columns.map((c) => <td key={c.key} className="px-2 py-1.5">{r.data[c.key] ?? ""}</td>)}
                    <td className="px-2 py-1.5">
                      {working ? <MarkRecordForm itemId={item.id} recordId={r.id} position={r.position} mark={r.mark} reason={r.markReason} />
                        : r.mark ? `${MARK_LABELS[r.mark]}${r.markReason ? `：${r.markReason}` : ""}` : "未标记"}
                    </td>
                    <td className={`px-2 py-1.5 ${r.dataState?.fixed ? "text-green-700" : r.dataState ? "text-red-700" : "text-slate-500"}`}>{dataStateLabel(r.dataState)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {pageCount > 1 && <Pager page={page} pageCount={pageCount} total={records.length} hrefFor={hrefFor} />}
          </div>
        )}
      </Panel>
      )}
      <Panel title="整改反馈">
        {working ? <FeedbackForm itemId={item.id} feedback={item.feedback} /> : item.feedback ? <p className="whitespace-pre-wrap text-sm">{item.feedback}</p> : <p className="text-sm text-slate-500">尚未提交。</p>}
        <div className="mt-4 space-y-2 border-t border-slate-100 pt-3">
          <h3 className="text-sm font-medium">附件（{attachments.length}）</h3>
          {attachments.length > 0 && (
            <ul className="space-y-1 text-sm">
              {attachments.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center gap-3">
                  <a href={`/supervision/${item.id}/attachments/${a.id}`} className="text-blue-800 hover:underline">{a.fileName}</a>
                  <span className="text-xs text-slate-500">{Math.ceil(a.bytes / 1024)} KB · {a.uploadedBy} · {a.uploadedAt.slice(0, 10)}</span>
                  {working && <RemoveAttachmentButton itemId={item.id} attachmentId={a.id} name={a.fileName} />}
                </li>
              ))}
            </ul>
          )}
          {working && <AttachmentForm itemId={item.id} />}
          {!working && attachments.length === 0 && <p className="text-sm text-slate-500">没有附件。</p>}
        </div>
        {viewer.role === "office" && item.status === "submitted" && <div className="mt-3"><ReviewForm itemId={item.id} /></div>}
      </Panel>
    </div>
  );
}
