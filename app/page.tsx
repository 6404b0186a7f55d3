import { CitySummary } from "@/components/overview/city-summary";
import { DistrictTable } from "@/components/overview/district-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageTitle } from "@/components/ui/page-title";
import { formatMonthZh } from "@/lib/dates";
import { getDistrictOverview } from "@/lib/queries/overview";
import { getStoreStatus } from "@/lib/queries/store";

export default async function OverviewPage() {
  const status = await getStoreStatus();
  if (!status.hasData) {
    return (
      <EmptyState title="尚无数据">
        数据库中还没有区县和主体数据。可运行 <code className="rounded bg-slate-100 px-1">npm run db:seed</code> 载入示范市演示数据。
      </EmptyState>
    );
  }
  const month = formatMonthZh(status.latestMonth);
  const rows = await getDistrictOverview(status.latestMonth);
  return (
    <>
      <PageTitle title="总览" subtitle={`${month} · 全市 ${rows.length} 个区县（含功能区）`} />
      <CitySummary rows={rows} />
      <DistrictTable rows={rows} monthLabel={month} />
    </>
  );
}
