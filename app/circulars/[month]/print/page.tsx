import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CircularView } from "@/components/circular/circular-view";
import { PrintButton } from "@/components/circular/print-button";
import { requireViewer } from "@/lib/auth/request";
import { isIsoMonth } from "@/lib/dates";
import { getDraftCircular } from "@/lib/queries/circulars";

export const metadata: Metadata = { title: "通报打印预览" };

export default async function CircularPrintPage({ params }: { params: Promise<{ month: string }> }) {
  await requireViewer();
  const { month } = await params;
  const draft = isIsoMonth(month) ? await getDraftCircular(month) : null;
  if (!draft) notFound();
  return (
    <div className="space-y-4">
      <div className="no-print flex items-center gap-4 text-sm">
        <Link href="/circulars" className="text-blue-800 hover:underline">返回通报</Link>
        <PrintButton />
        <a href={`/circulars/${month}/docx`} className="text-blue-800 hover:underline" download>下载Word</a>
      </div>
      <CircularView doc={draft.document} />
    </div>
  );
}
