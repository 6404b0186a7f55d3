import type { RecordMark, SupervisionStatus } from "@/db/schema";
import type { DataState } from "./record-states";

export const STATUS_LABELS: Record<SupervisionStatus, string> = {
  open: "待签收", acknowledged: "整改中", submitted: "已提交反馈", returned: "已退回", accepted: "已办结",
};
export const MARK_LABELS: Record<RecordMark, string> = { fixed: "已更正", unfixable: "无法更正", not_ours: "非本单位" };

/** What the data says of an attached record now (null: it cannot be told, e.g. before any computation). */
export function dataStateLabel(state: DataState | null): string {
  if (state === null) return "无法核验";
  return state.fixed ? `已更正（${state.month}数据）` : `仍存在（${state.month}数据）`;
}
