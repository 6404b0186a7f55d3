import type { Metadata } from "next";
import Link from "next/link";
import { RetireForm, UnitForm } from "@/components/settings/unit-forms";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { submissionKey } from "@/lib/queries/settings";
import { unitTree } from "@/lib/units/manage";

export const metadata: Metadata = { title: "区县和镇街" };

export default async function UnitsSettingsPage() {
  await requireRole("office");
  const tree = await unitTree(getDb());
  const districts = tree.map((d) => ({ id: d.id, name: d.name }));
  const asUnit = (u: (typeof tree)[number] | (typeof tree)[number]["towns"][number]) => ({ ...u, level: u.level as "district" | "town" });
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href="/settings" className="text-blue-800 hover:underline">设置</Link> /</p>
        <h1 className="text-xl font-semibold">区县和镇街</h1>
        <p className="mt-1 text-sm text-slate-500">区县（含高新区、经开区等功能区）和镇街的名称与区划代码。改名不影响已有记录；撤销的单位此前各月的数值和名次保留，自撤销月份起不再计算和排名。</p>
      </div>
      <Panel title="新增"><UnitForm districts={districts} submissionKey={submissionKey()} /></Panel>
      <Panel title={`区县（${tree.length}）`}>
        <ul className="space-y-3">
          {tree.map((d) => (
            <li key={d.id} className={`rounded border border-slate-200 p-2 ${d.retiredFrom ? "bg-slate-50" : ""}`}>
              <div className="flex flex-wrap items-center gap-4">
                <UnitForm unit={asUnit(d)} districts={districts} submissionKey={submissionKey()} />
                <RetireForm unit={asUnit(d)} />
                {d.retiredFrom && <span className="text-xs text-amber-800">已自{d.retiredFrom}起撤销</span>}
              </div>
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-slate-600">镇街（{d.towns.length}）</summary>
                <ul className="mt-2 space-y-1 pl-4">
                  {d.towns.map((t) => (
                    <li key={t.id} className="flex flex-wrap items-center gap-4">
                      <UnitForm unit={asUnit(t)} districts={districts} submissionKey={submissionKey()} />
                      <RetireForm unit={asUnit(t)} />
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
