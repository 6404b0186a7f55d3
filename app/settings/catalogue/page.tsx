import type { Metadata } from "next";
import Link from "next/link";
import { CatalogueForm } from "@/components/settings/catalogue-form";
import { AddEnteredIndicatorForm } from "@/components/settings/entered-indicator-forms";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { addMonths, type IsoMonth } from "@/lib/dates";
import { loadCatalogueVersions, versionChanges, versionInForce, versionLabel } from "@/lib/indicators/catalogue-versions";
import { getMonitoredMonths } from "@/lib/indicators/compute/run-compute";
import { getCatalogue } from "@/lib/queries/catalogue";
import { submissionKey } from "@/lib/queries/settings";

export const metadata: Metadata = { title: "指标目录" };

const UNIT_LABEL = { percent: "单位：%", per_ten_thousand: "单位：‱（万分之一）", count: "单位：个" } as const;

export default async function CataloguePage() {
  await requireRole("office");
  const db = getDb();
  const [catalogue, versions, months] = await Promise.all([getCatalogue(db), loadCatalogueVersions(db), getMonitoredMonths(db)]);
  const rows = catalogue.map((i) => ({
    code: i.code, name: i.name, unitLabel: UNIT_LABEL[i.unit], direction: i.direction, target: i.target, redLine: i.redLine, zeroPoint: i.zeroPoint,
    weight: i.weight, owners: i.owners.map((o) => o.name).join("、"), inComposite: i.weight > 0,
  }));
  const latest = months.at(-1)!;
  const entered = catalogue.filter((i) => i.source === "entered");
  const names = new Map(rows.map((r) => [r.code, r.name]));
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href="/settings" className="text-blue-800 hover:underline">设置</Link> /</p>
        <h1 className="text-xl font-semibold">指标目录</h1>
        <p className="mt-1 text-sm text-slate-500">
          各指标的目标值、红线、零分点、权重、是否计入综合得分和责任单位。保存即成为新版本，自所选月份起执行：此前各月仍按当时的版本计分，
          已有数据的月份保存后立即重新计算。{latest}现行：{versionLabel(versionInForce(versions, latest))}。
        </p>
      </div>
      <Panel title="修改规则">
        <CatalogueForm rows={rows} effectiveFrom={addMonths(latest as IsoMonth, 1)} submissionKey={submissionKey()} />
      </Panel>
      <Panel title="人工填报指标">
        <p className="mb-3 text-sm text-slate-500">
          记录无法计算的指标（信用承诺覆盖率、信用网站维护、典型案例报送等）：由信用办按月填报各单位数值，与其他指标一样计分、排名、预警并可督办。
        </p>
        {entered.length > 0 && (
          <ul className="mb-4 space-y-1 text-sm">
            {entered.map((i) => (
              <li key={i.code}>
                <span className="font-medium">{i.name}</span>
                <span className="ml-2 text-slate-500">{i.formula}</span>
                <Link href={`/settings/catalogue/${i.code}`} className="ml-3 text-blue-800 hover:underline">填报数值</Link>
              </li>
            ))}
          </ul>
        )}
        <AddEnteredIndicatorForm effectiveFrom={latest} submissionKey={submissionKey()} />
      </Panel>
      <Panel title={`历史版本（${versions.length}）`}>
        {versions.length === 0 ? <p className="text-sm text-slate-500">尚未修改过，现用初始目录。</p> : (
          <table className="w-full text-sm">
            <caption className="sr-only">指标目录的历史版本</caption>
            <thead className="bg-slate-50 text-xs text-slate-500"><tr>{["版本", "执行起", "改动", "说明", "保存人", "保存时间"].map((h) => <th key={h} scope="col" className="px-2 py-2 text-left font-medium">{h}</th>)}</tr></thead>
            <tbody>
              {[...versions].reverse().map((v) => (
                <tr key={v.id} className="border-t border-slate-100 align-top">
                  <th scope="row" className="px-2 py-1.5 text-left font-normal">第{v.number}版</th>
                  <td className="px-2 py-1.5 tabular-nums">{v.number === 1 && v.note === "初始目录" ? "—" : v.effectiveFrom}</td>
                  <td className="px-2 py-1.5 text-xs">{versionChanges(versions[v.number - 2], v, names).map((c) => <div key={c}>{c}</div>)}</td>
                  <td className="px-2 py-1.5 text-xs">{v.note ?? ""}</td>
                  <td className="px-2 py-1.5">{v.createdBy}</td>
                  <td className="px-2 py-1.5 tabular-nums">{v.createdAt.slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </div>
  );
}
