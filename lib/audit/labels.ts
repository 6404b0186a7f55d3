import { ROLE_LABELS, type Role } from "@/db/schema";

/** What each write action is called on screen and in the export; unknown names are shown as they are. */
export const ACTION_LABELS: Record<string, string> = {
  "auth.sign_in": "登录",
  "auth.sign_in_failed": "登录失败",
  "auth.sign_out": "退出登录",
  "user.create": "新建账号",
  "user.update": "修改账号",
  "user.reset_password": "重置密码",
  "user.change_own_password": "修改本人密码",
  "token.issue": "发放令牌",
  "token.revoke": "吊销令牌",
  "circular.issue": "印发通报",
  "circular.void": "作废通报",
  "circular.settings": "修改通报设置",
  "plan.save": "保存工作要点",
  "progress.report": "报送进展",
  "calendar.enter_notice": "录入节假日安排",
  "compute.run": "重新计算指标",
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/** The kinds of object an audit row names. */
export const ENTITY_LABELS: Record<string, string> = {
  user: "账号",
  api_token: "接口令牌",
  session: "会话",
  circular: "通报",
  settings: "设置",
  work_plan: "工作要点",
  progress_report: "进展报告",
  calendar_year: "节假日安排",
  computation: "指标计算",
};

/** “账号 #12”, “接口令牌 #3”, or the raw type for one not listed. */
export function entityLabel(entityType: string, entityId: string | null): string {
  // Sign-in and sign-out rows name the account whose session it is.
  if (entityType === "session") return entityId ? `账号 #${entityId} 的会话` : "会话";
  const kind = ENTITY_LABELS[entityType] ?? entityType;
  return entityId ? `${kind} #${entityId}` : kind;
}

/** The role column: a failed sign-in is recorded as “anonymous”. */
export function auditRoleLabel(role: string): string {
  if (role === "anonymous") return "未登录";
  return ROLE_LABELS[role as Role] ?? role;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** An ISO UTC timestamp as China time, “2026-11-26 10:26:03” (UTC+8, no daylight saving). */
export function chinaTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** The first instant of a China calendar day, as the ISO UTC text the audit log stores. */
export function chinaDayStartUtc(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - CHINA_OFFSET_MS).toISOString();
}

/** A stored JSON snapshot pretty-printed; text that is not JSON is shown as it is. */
export function prettyJson(text: string | null): string | null {
  if (text === null || text === "") return null;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
