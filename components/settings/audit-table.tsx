import { actionLabel, auditRoleLabel, chinaTime, entityLabel, prettyJson } from "@/lib/audit/labels";
import type { AuditRow } from "@/lib/audit/query";

const HEADERS = ["时间", "操作人", "角色", "来源地址", "操作", "对象", "摘要", "变更"];

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">操作日志，最新的在前</caption>
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>{HEADERS.map((h) => <th key={h} scope="col" className="px-3 py-2 text-left font-medium">{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 align-top">
              <td className="whitespace-nowrap px-3 py-2 tabular-nums text-slate-600">{chinaTime(r.at)}</td>
              <td className="px-3 py-2">{r.actor}</td>
              <td className="whitespace-nowrap px-3 py-2">{auditRoleLabel(r.role)}</td>
              <td className="px-3 py-2 font-mono text-xs text-slate-600">{r.address || "—"}</td>
              <td className="whitespace-nowrap px-3 py-2" title={r.action}>{actionLabel(r.action)}</td>
              <td className="whitespace-nowrap px-3 py-2">
                {entityLabel(r.entityType, r.entityId)}
                {(r.departmentName || r.districtName) && <div className="text-xs text-slate-500">{[r.departmentName, r.districtName].filter(Boolean).join(" · ")}</div>}
              </td>
              <td className="px-3 py-2">{r.summary}</td>
              <td className="px-3 py-2"><Change before={prettyJson(r.before)} after={prettyJson(r.after)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 变更前 / 变更后, folded until asked for; no JavaScript needed. */
function Change({ before, after }: { before: string | null; after: string | null }) {
  if (before === null && after === null) return <span className="text-slate-400">—</span>;
  return (
    <details>
      <summary className="cursor-pointer text-blue-800">查看</summary>
      <div className="mt-2 grid min-w-80 gap-2 md:grid-cols-2">
        <Snapshot label="变更前" text={before} />
        <Snapshot label="变更后" text={after} />
      </div>
    </details>
  );
}

function Snapshot({ label, text }: { label: string; text: string | null }) {
  return (
    <div>
      <div className="text-xs text-slate-500">{label}</div>
      <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 font-mono text-xs">{text ?? "（无）"}</pre>
    </div>
  );
}
