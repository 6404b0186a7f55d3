import type { DistrictOverviewRow } from "@/lib/queries/overview";
import { formatCount } from "@/lib/format";
import { StatCard } from "@/components/ui/stat-card";

export function CitySummary({ rows }: { rows: DistrictOverviewRow[] }) {
  const total = (pick: (r: DistrictOverviewRow) => number) => rows.reduce((sum, r) => sum + pick(r), 0);
  const openCases = total((r) => r.openGovDefaultCases);
  return (
    <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
      <StatCard label="市场主体及各类组织" value={formatCount(total((r) => r.entities))} />
      <StatCard label="存续企业" value={formatCount(total((r) => r.liveEnterprises))} />
      <StatCard label="本月双公示记录" value={formatCount(total((r) => r.sgsRecords))} note="按决定日期计" />
      <StatCard
        label="政府机构失信被执行人未结案件"
        value={formatCount(openCases)}
        note={openCases > 0 ? "须动态清零" : "已动态清零"}
      />
    </div>
  );
}
