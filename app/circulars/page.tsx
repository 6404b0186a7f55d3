import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { FinalCopyForm } from "@/components/circular/final-copy-form";
import { IssueButton } from "@/components/circular/issue-button";
import { VoidButton } from "@/components/circular/void-button";
import { SettingsForm } from "@/components/circular/settings-form";
import { NoData } from "@/components/ui/no-data";
import { Panel } from "@/components/ui/panel";
import { requireViewer } from "@/lib/auth/request";
import { isOffice } from "@/lib/auth/scope";
import { formatMonthZh } from "@/lib/dates";
import { getIssuedCirculars, getSettings } from "@/lib/queries/circulars";
import { getComputedMonths } from "@/lib/queries/months";

export const metadata: Metadata = { title: "通报" };

/** An ISO instant as China time, to the minute: 2026-11-05 14:30. */
const chinaMinute = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

export default async function CircularsPage() {
  const viewer = await requireViewer();
  const office = isOffice(viewer);
  const [months, issued, settings] = await Promise.all([getComputedMonths(), getIssuedCirculars(), getSettings()]);
  if (months.length === 0) return <NoData />;
  const issuedByMonth = new Map(issued.filter((c) => !c.voidedOn).map((c) => [c.month, c]));
  const drafts = [...months].reverse().slice(0, 12).filter((m) => !issuedByMonth.has(m));
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">通报</h1>
        <p className="mt-1 text-sm text-slate-500">月度通报（Word，按党政机关公文格式）及附表（Excel）。草稿随数据更新；印发后文件固定并编号。</p>
      </div>
      <Panel title="草稿">
        <table className="w-full text-sm">
          <caption className="sr-only">可生成的通报草稿</caption>
          <thead className="text-xs text-slate-500"><tr><th scope="col" className="py-1 text-left font-medium">月份</th><th scope="col" className="py-1 text-left font-medium">下载</th>{office && <th scope="col" className="py-1 text-left font-medium">印发</th>}</tr></thead>
          <tbody>
            {drafts.map((m) => (
              <tr key={m} className="border-t border-slate-100">
                <th scope="row" className="py-2 text-left font-normal">{formatMonthZh(m)}通报（草稿）</th>
                <td className="space-x-3 py-2">
                  <a href={`/circulars/${m}/docx`} className="text-blue-800 hover:underline" download>Word</a>
                  <a href={`/circulars/${m}/xlsx`} className="text-blue-800 hover:underline" download>Excel</a>
                  <Link href={`/circulars/${m}/print`} className="text-blue-800 hover:underline">打印预览</Link>
                  {viewer.role !== "district" && <Link href={`/circulars/${m}/print#notices`} className="text-blue-800 hover:underline">各部门问题清单</Link>}
                </td>
                {office && <td className="py-2"><IssueButton month={m} label={formatMonthZh(m)} submissionKey={randomUUID()} /></td>}
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      <Panel title={`已印发（${issued.length}）`}>
        {issued.length === 0 ? <p className="text-sm text-slate-500">尚未印发通报。</p> : (
          <ul className="space-y-2 text-sm">
            {issued.map((c) => (
              <li key={c.id} className={`flex flex-wrap gap-x-4 ${c.voidedOn ? "text-slate-400" : ""}`}>
                <span className={`font-medium ${c.voidedOn ? "line-through" : ""}`}>{c.documentNumber}</span><span>{c.title}</span><span className="text-slate-500">印发于{c.issuedOn}</span>
                {c.voidedOn && <span className="text-red-700">已于{c.voidedOn}作废：{c.voidedReason}</span>}
                <a href={`/circulars/issued/${c.id}/docx`} className="text-blue-800 hover:underline" download>Word</a>
                <a href={`/circulars/issued/${c.id}/xlsx`} className="text-blue-800 hover:underline" download>Excel</a>
                {!c.voidedOn && viewer.role !== "district" && <Link href={`/circulars/${c.month}/print#notices`} className="text-blue-800 hover:underline">各部门问题清单</Link>}
                {/* Which Word file "Word" serves: the office's uploaded final copy, or the one the system generated. */}
                {c.finalUploadedAt ? (
                  <>
                    <span className="text-slate-600" title={c.finalFileName ?? undefined}>Word 为信用办定稿（上传于{chinaMinute(c.finalUploadedAt)}，上传人{c.finalUploadedBy}）</span>
                    <a href={`/circulars/issued/${c.id}/generated`} className="text-blue-800 hover:underline" download>系统生成稿</a>
                  </>
                ) : <span className="text-slate-600">Word 为系统生成</span>}
                {office && !c.voidedOn && <FinalCopyForm id={c.id} documentNumber={c.documentNumber} replacing={Boolean(c.finalUploadedAt)} submissionKey={randomUUID()} />}
                {office && !c.voidedOn && <VoidButton id={c.id} documentNumber={c.documentNumber} submissionKey={randomUUID()} />}
              </li>
            ))}
          </ul>
        )}
      </Panel>
      {office && <Panel title="通报设置"><SettingsForm settings={settings} /></Panel>}
    </div>
  );
}
