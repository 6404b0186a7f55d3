import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CircularView } from "@/components/circular/circular-view";
import { DepartmentNotices } from "@/components/circular/department-notices";
import { PrintButton } from "@/components/circular/print-button";
import { requireViewer } from "@/lib/auth/request";
import { seesWholeCity } from "@/lib/auth/scope";
import { isIsoMonth } from "@/lib/dates";
import { getDraftCircularDocument } from "@/lib/queries/circulars";
import { getNoticeSummaries } from "@/lib/queries/department-notices";

export const metadata: Metadata = { title: "通报打印预览" };

export default async function CircularPrintPage({ params }: { params: Promise<{ month: string }> }) {
  const viewer = await requireViewer();
  const { month } = await params;
  // 问题清单 go to departments: the office and 领导 see every one, a 部门 its own; 区县 get none.
  const own = viewer.role === "department" && viewer.departmentId !== null ? viewer.departmentId : undefined;
  const listsNotices = seesWholeCity(viewer) || own !== undefined;
  const [draft, summaries] = isIsoMonth(month) ? await Promise.all([getDraftCircularDocument(month), listsNotices ? getNoticeSummaries(month) : null]) : [null, null];
  if (!draft) notFound();
  return (
    <div className="space-y-4">
      <div className="no-print flex items-center gap-4 text-sm">
        <Link href="/circulars" className="text-blue-800 hover:underline">返回通报</Link>
        <PrintButton />
        <a href={`/circulars/${month}/docx`} className="text-blue-800 hover:underline" download>下载Word</a>
      </div>
      {summaries && listsNotices && (
        <div className="no-print">
          <DepartmentNotices month={month} summaries={summaries} all={seesWholeCity(viewer)} own={own} />
        </div>
      )}
      <CircularView doc={draft} />
    </div>
  );
}
