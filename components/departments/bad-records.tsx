import type { DepartmentScope } from "@/lib/departments/scope";

type SgsPage = Awaited<ReturnType<DepartmentScope["badSgsRecords"]>>;
type CodePage = NonNullable<Awaited<ReturnType<DepartmentScope["issuedCodeProblems"]>>>;

export function BadSgsRecords({ data }: { data: SgsPage }) {
  if (data.total === 0) return <p className="text-sm text-green-700">本月没有逾期或不合规的双公示记录。</p>;
  return (
    <>
      <p className="mb-2 text-sm text-slate-600">共 {data.total} 条{data.total > data.rows.length ? `，显示前 ${data.rows.length} 条` : ""}</p>
      <table className="w-full text-sm">
        <caption className="sr-only">本部门逾期或不合规的双公示记录</caption>
        <thead className="text-xs text-slate-500"><tr>{["类别", "决定文书号", "行政相对人", "决定日期", "上报日期", "问题"].map((h) => <th key={h} scope="col" className="py-1 text-left font-medium">{h}</th>)}</tr></thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 align-top">
              <td className="py-1">{r.kind}</td><td className="py-1">{r.doc_number ?? "（空）"}</td><td className="py-1">{r.subject_name ?? "（空）"}</td>
              <td className="py-1 tabular-nums">{r.decision_date}</td><td className="py-1 tabular-nums">{r.reported_date}</td>
              <td className="py-1 text-red-800">{r.problems.join("；")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function IssuedCodeProblems({ data }: { data: CodePage }) {
  if (data.total === 0) return <p className="text-sm text-green-700">本部门登记的主体中没有无效或重复的代码。</p>;
  return (
    <>
      <p className="mb-2 text-sm text-slate-600">共 {data.total} 个{data.total > data.rows.length ? `，显示前 ${data.rows.length} 个` : ""}</p>
      <table className="w-full text-sm">
        <caption className="sr-only">本部门登记的无效或重复代码</caption>
        <thead className="text-xs text-slate-500"><tr>{["主体名称", "统一社会信用代码", "区县", "问题"].map((h) => <th key={h} scope="col" className="py-1 text-left font-medium">{h}</th>)}</tr></thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100"><td className="py-1">{r.name}</td><td className="py-1 font-mono">{r.uscc}</td><td className="py-1">{r.district}</td><td className="py-1 text-red-800">{r.problem}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
