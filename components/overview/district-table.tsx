import type { DistrictOverviewRow } from "@/lib/queries/overview";
import { formatInteger } from "@/lib/format";

export function DistrictTable({ rows, monthLabel }: { rows: DistrictOverviewRow[]; monthLabel: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="px-4 py-3 text-left text-base font-semibold text-slate-800">
          各区县基本情况（截至{monthLabel}末）
        </caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2 text-left font-medium">区县</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">有统一社会信用代码的主体</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">存续企业</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">本月双公示记录</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">政府机构失信被执行人未结案件</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100">
              <th scope="row" className="px-4 py-2 text-left font-medium text-slate-800">
                {row.name}
                {row.functional && <span className="ml-2 text-xs font-normal text-slate-500">功能区</span>}
              </th>
              <td className="px-4 py-2 text-right tabular-nums">{formatInteger(row.entities)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatInteger(row.liveEnterprises)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatInteger(row.sgsRecords)}</td>
              <td className={`px-4 py-2 text-right tabular-nums ${row.openGovDefaultCases > 0 ? "font-semibold text-red-700" : ""}`}>
                {formatInteger(row.openGovDefaultCases)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
