import type { Metadata } from "next";
import Link from "next/link";
import { MapForm } from "@/components/settings/map-form";
import { Panel } from "@/components/ui/panel";
import { requireRole } from "@/lib/auth/request";
import { getCityMap } from "@/lib/queries/city-map";
import { submissionKey } from "@/lib/queries/settings";

export const metadata: Metadata = { title: "地图" };

export default async function MapSettingsPage() {
  await requireRole("office");
  const [current, towns] = await Promise.all([getCityMap(), getCityMap(undefined, "town")]);
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href="/settings" className="text-blue-800 hover:underline">设置</Link> /</p>
        <h1 className="text-xl font-semibold">地图</h1>
        <p className="mt-1 text-sm text-slate-500">
          上传本市区县边界（总览的地图）或镇街边界（各区县页的下辖镇街地图），GeoJSON、经纬度坐标；每个要素按行政区划代码（adcode、code 等，区县6位、镇街9位）或名称对应到单位，预览无误后替换。
          现用区县边界：{current ? current.name : "无"}；镇街边界：{towns ? towns.name : "无"}。可从示例文件开始（示范市的虚构边界）：
          <a href="/sample-city-map.geojson" download className="text-blue-800 underline">区县</a>、<a href="/sample-town-map.geojson" download className="text-blue-800 underline">镇街</a>。
        </p>
      </div>
      <Panel title="上传并预览"><MapForm submissionKey={submissionKey()} /></Panel>
    </div>
  );
}
