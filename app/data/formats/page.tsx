import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { requireViewer } from "@/lib/auth/request";
import { LAYOUTS, importableDatasets } from "@/lib/imports/datasets";

export const metadata: Metadata = { title: "数据格式说明" };

/** The 数据 help page: every importable layout's columns, from the same description the parser reads. */
export default async function FormatsPage() {
  await requireViewer();
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href="/data" className="text-blue-800 hover:underline">数据</Link> /</p>
        <h1 className="text-xl font-semibold">数据格式说明</h1>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-600">
          <li>列名可以用中文或数据标准的代码，顺序不限；全角、半角括号和多余空格都可以；多出的列会被忽略并在导入结果中列出。</li>
          <li>文件可以是 Excel（.xlsx，默认读第一个工作表）或 CSV（UTF-8 或 GBK/GB18030 编码均可）。旧版 .xls 请另存为 .xlsx。</li>
          <li>日期可写作 2026-10-08、2026/10/8、2026年10月8日、20261008 或 Excel 日期；空值可写作“— —”“无”“/”或留空。</li>
          <li>金额以万元计：只写数字即为万元；写“2000元”“¥2000”时按元换算（0.2 万元）。</li>
          <li>2016 年版的旧列名（如 处罚事由、处罚结果、处罚类别1/2、许可截止期）会自动对应到现行列。</li>
        </ul>
      </div>
      {importableDatasets().map((name) => {
        const layout = LAYOUTS[name]!;
        return (
          <Panel key={name} id={name} title={`${layout.label}（${name}）`}>
            <p className="mb-2 text-sm text-slate-600">{layout.description}</p>
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="sr-only">{layout.label}的列</caption>
                <thead className="bg-slate-50 text-xs text-slate-500">
                  <tr>{["列名", "代码", "必填", "说明", "也可写作", "示例"].map((h) => <th key={h} scope="col" className="px-2 py-2 text-left font-medium">{h}</th>)}</tr>
                </thead>
                <tbody>
                  {layout.columns.map((c) => (
                    <tr key={c.field} className="border-t border-slate-100">
                      <th scope="row" className="px-2 py-1.5 text-left font-normal">{c.header}</th>
                      <td className="px-2 py-1.5 font-mono text-xs">{c.code ?? ""}</td>
                      <td className="px-2 py-1.5">{c.required ? "必填" : ""}</td>
                      <td className="px-2 py-1.5 text-slate-600">{c.note ?? ""}{c.notStored ? "（校验后不单独保存）" : ""}</td>
                      <td className="px-2 py-1.5 text-slate-600">{[...(c.aliases ?? []), ...(c.legacy ?? []).map((l) => `${l}（旧版）`)].join("、")}</td>
                      <td className="px-2 py-1.5 text-slate-600">{c.example}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Panel>
        );
      })}
    </div>
  );
}
