import type { CatalogueEntry } from "@/lib/queries/catalogue";
import { formatIndicatorValue } from "@/lib/format";

const UNIT_LABEL = { percent: "%", per_ten_thousand: "‱（万分之一）", count: "个" } as const;

export function IndicatorDefinition({ indicator }: { indicator: CatalogueEntry }) {
  const better = indicator.direction === "higher";
  return (
    <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
      <div className="sm:col-span-2 lg:col-span-3"><dt className="text-slate-500">计算公式</dt><dd className="font-medium">{indicator.formula}（按月末时点计算）</dd></div>
      <div><dt className="text-slate-500">单位与方向</dt><dd>{UNIT_LABEL[indicator.unit]}，{better ? "越高越好" : "越低越好"}</dd></div>
      <div><dt className="text-slate-500">目标值 / 红线</dt><dd>{better ? "≥" : "≤"}{formatIndicatorValue(indicator.target, indicator.unit)}；{better ? "低于" : "高于"}{formatIndicatorValue(indicator.redLine, indicator.unit)}为红色预警</dd></div>
      <div><dt className="text-slate-500">权重</dt><dd>{indicator.weight}</dd></div>
      <div className="sm:col-span-2 lg:col-span-3"><dt className="text-slate-500">责任单位</dt><dd>{indicator.owners.map((o) => o.name).join("、")}</dd></div>
    </dl>
  );
}
