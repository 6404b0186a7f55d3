import type { RecordMark, SupervisionStatus } from "@/db/schema";

export const STATUS_LABELS: Record<SupervisionStatus, string> = {
  open: "待签收", acknowledged: "整改中", submitted: "已提交反馈", returned: "已退回", accepted: "已办结",
};
export const MARK_LABELS: Record<RecordMark, string> = { fixed: "已更正", unfixable: "无法更正", not_ours: "非本单位" };

/** What the latest computation says of an attached record. */
export function dataStateLabel(record: { fixedInData: boolean | null; fixedCheckedMonth: string | null }): string {
  if (record.fixedInData === null) return "待核验";
  return record.fixedInData ? `已更正（${record.fixedCheckedMonth}数据）` : `仍存在（${record.fixedCheckedMonth}数据）`;
}
