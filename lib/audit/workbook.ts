import { buildWorkbook } from "@/lib/exports";
import { actionLabel, auditRoleLabel, chinaTime, entityLabel, prettyJson } from "./labels";
import type { AuditRow } from "./query";

/** The audit log as an Excel sheet: Chinese headers, header frozen, one row per change, newest first. */
export function auditWorkbook(rows: AuditRow[], note: string): Promise<Buffer> {
  return buildWorkbook([{
    name: "操作日志",
    title: "信用监测操作日志",
    note,
    columns: [
      { key: "at", header: "时间（北京时间）", width: 20 },
      { key: "actor", header: "操作人", width: 24 },
      { key: "role", header: "角色", width: 8 },
      { key: "address", header: "来源地址", width: 16 },
      { key: "action", header: "操作", width: 14 },
      { key: "actionName", header: "操作代码", width: 22 },
      { key: "entity", header: "对象", width: 14 },
      { key: "department", header: "部门", width: 14 },
      { key: "district", header: "区县", width: 10 },
      { key: "summary", header: "摘要", width: 40 },
      { key: "before", header: "变更前", width: 40 },
      { key: "after", header: "变更后", width: 40 },
    ],
    rows: rows.map((r) => ({
      at: chinaTime(r.at), actor: r.actor, role: auditRoleLabel(r.role), address: r.address,
      action: actionLabel(r.action), actionName: r.action, entity: entityLabel(r.entityType, r.entityId),
      department: r.departmentName ?? "", district: r.districtName ?? "", summary: r.summary,
      before: prettyJson(r.before) ?? "", after: prettyJson(r.after) ?? "",
    })),
  }], { title: "操作日志" });
}
