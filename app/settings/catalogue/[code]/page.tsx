import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EnteredValuesForm } from "@/components/settings/entered-indicator-forms";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { isIsoMonth } from "@/lib/dates";
import { enteredMonthsOf, enteredValueUnits, enteredValuesOf } from "@/lib/indicators/entered";
import { getMonitoredMonths } from "@/lib/indicators/compute/run-compute";
import { getCatalogue } from "@/lib/queries/catalogue";
import { submissionKey } from "@/lib/queries/settings";

export const metadata: Metadata = { title: "填报指标数值" };

const UNIT_LABEL = { percent: "%", per_ten_thousand: "‱", count: "个" } as const;

export default async function EnteredValuesPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ month?: string }> }) {
  await requireRole("office");
  const db = getDb();
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const [catalogue, months] = await Promise.all([getCatalogue(db), getMonitoredMonths(db)]);
  const indicator = catalogue.find((i) => i.code === code && i.source === "entered");
  if (!indicator) notFound();
  const month = query.month && isIsoMonth(query.month) ? query.month : months.at(-1)!;
  const [units, entered, filled] = await Promise.all([enteredValueUnits(db), enteredValuesOf(db, code, month), enteredMonthsOf(db, code)]);
  const byUnit = new Map(entered.map((e) => [e.orgUnitId, e]));
  // The city and its districts and 功能区 standing that month; towns only where a value was entered.
  const rows = units
    .filter((u) => (u.level !== "town" || byUnit.has(u.id)) && (!u.retiredFrom || u.retiredFrom > month || byUnit.has(u.id)))
    .map((u) => {
      const e = byUnit.get(u.id);
      return { orgUnitId: u.id, name: u.name, level: u.level, value: e ? String(e.value) : "", enteredBy: e?.enteredBy ?? null, enteredAt: e?.enteredAt ?? null };
    });
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm">
          <Link href="/settings" className="text-blue-800 hover:underline">设置</Link> / <Link href="/settings/catalogue" className="text-blue-800 hover:underline">指标目录</Link> /
        </p>
        <h1 className="text-xl font-semibold">{indicator.name}：填报数值</h1>
        <p className="mt-1 text-sm text-slate-500">
          口径：{indicator.formula}。目标值 {indicator.target}{UNIT_LABEL[indicator.unit]}，红线 {indicator.target === indicator.redLine ? "同目标值" : `${indicator.redLine}${UNIT_LABEL[indicator.unit]}`}，
          {indicator.direction === "higher" ? "越高越好" : "越低越好"}。保存后该月立即重新计算，排名、预警和督办随之更新；清空一格即撤回该单位的数值。
        </p>
        <p className="mt-1 text-sm text-slate-500">
          多个月份或多个指标的数值也可整表导入：在<Link href="/data" className="text-blue-800 hover:underline">数据</Link>页面选择“人工填报指标数值”（<Link href="/data/formats#indicator-values" className="text-blue-800 hover:underline">各列说明</Link>）。
        </p>
      </div>
      <form className="flex items-end gap-2 text-sm" aria-label="选择月份">
        <label className="flex flex-col gap-1">月份
          <select name="month" defaultValue={month} className="rounded border border-slate-300 px-2 py-1">
            {[...months].reverse().map((m) => <option key={m} value={m}>{m}{filled.some((f) => f.month === m) ? "（已填报）" : ""}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50">查看</button>
      </form>
      <Panel title={`${month}各单位数值`}>
        <EnteredValuesForm key={month} indicatorCode={code} month={month} unitLabel={UNIT_LABEL[indicator.unit]} rows={rows} submissionKey={submissionKey()} />
      </Panel>
    </div>
  );
}
