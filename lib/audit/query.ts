import { and, asc, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, departments, orgUnits, users, type AuditEntry } from "@/db/schema";
import { addDays, isIsoDate } from "@/lib/dates";
import { ACTION_LABELS, actionLabel, chinaDayStartUtc } from "./labels";

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_LIMIT = 50_000;

export interface AuditFilters {
  /** The acting account (audit_log.user_id). */
  userId?: number;
  departmentId?: number;
  action?: string;
  /** China calendar days, both inclusive. */
  from?: string;
  to?: string;
  page: number;
}

type Raw = Record<string, string | string[] | undefined>;

const id = z.coerce.number().int().positive().max(2_147_483_647);
const day = z.string().refine(isIsoDate);
const fields = {
  user: { schema: id, problem: "操作人参数无效，已忽略" },
  department: { schema: id, problem: "部门参数无效，已忽略" },
  action: { schema: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/), problem: "操作类型参数无效，已忽略" },
  from: { schema: day, problem: "起始日期应为 YYYY-MM-DD 格式的日期，已忽略" },
  to: { schema: day, problem: "截止日期应为 YYYY-MM-DD 格式的日期，已忽略" },
  page: { schema: z.coerce.number().int().min(1).max(1_000_000), problem: "页码无效，已显示第1页" },
} as const;

/**
 * The audit page's and export's URL parameters. A malformed parameter is left out and explained
 * in `problems` (in Chinese); nothing here throws.
 */
export function parseAuditFilters(raw: Raw): { filters: AuditFilters; problems: string[] } {
  const problems: string[] = [];
  const take = <K extends keyof typeof fields>(key: K): z.output<(typeof fields)[K]["schema"]> | undefined => {
    const value = raw[key];
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!text) return undefined;
    const parsed = fields[key].schema.safeParse(text);
    if (parsed.success) return parsed.data as z.output<(typeof fields)[K]["schema"]>;
    problems.push(fields[key].problem);
    return undefined;
  };
  const filters: AuditFilters = {
    userId: take("user"), departmentId: take("department"), action: take("action"),
    from: take("from"), to: take("to"), page: take("page") ?? 1,
  };
  if (filters.from && filters.to && filters.from > filters.to) {
    problems.push(`起始日期 ${filters.from} 晚于截止日期 ${filters.to}，已忽略日期范围`);
    filters.from = undefined;
    filters.to = undefined;
  }
  return { filters, problems };
}

/** The filters as URL parameters (page left out unless asked), for links, paging and the export. */
export function auditSearchParams(filters: AuditFilters, page?: number): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.userId) params.set("user", String(filters.userId));
  if (filters.departmentId) params.set("department", String(filters.departmentId));
  if (filters.action) params.set("action", filters.action);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (page && page > 1) params.set("page", String(page));
  return params;
}

function whereOf(filters: AuditFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.userId) conditions.push(eq(auditLog.userId, filters.userId));
  if (filters.departmentId) conditions.push(eq(auditLog.departmentId, filters.departmentId));
  if (filters.action) conditions.push(eq(auditLog.action, filters.action));
  // `at` is ISO UTC text of one fixed shape, so text comparison is time comparison.
  if (filters.from) conditions.push(gte(auditLog.at, chinaDayStartUtc(filters.from)));
  if (filters.to) conditions.push(lt(auditLog.at, chinaDayStartUtc(addDays(filters.to, 1))));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export type AuditRow = AuditEntry & { departmentName: string | null; districtName: string | null };

/** Matching rows, newest first. */
export async function auditRows(db: Db, filters: AuditFilters, { limit, offset = 0 }: { limit: number; offset?: number }): Promise<AuditRow[]> {
  const rows = await db.select({ entry: auditLog, departmentName: departments.shortName, districtName: orgUnits.name })
    .from(auditLog)
    .leftJoin(departments, eq(departments.id, auditLog.departmentId))
    .leftJoin(orgUnits, eq(orgUnits.id, auditLog.districtId))
    .where(whereOf(filters))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit).offset(offset);
  return rows.map((r) => ({ ...r.entry, departmentName: r.departmentName, districtName: r.districtName }));
}

export async function countAudit(db: Db, filters: AuditFilters): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditLog).where(whereOf(filters));
  return row?.n ?? 0;
}

export interface AuditPage {
  rows: AuditRow[];
  total: number;
  /** The page shown: the one asked for, or the last one when it asked past the end. */
  page: number;
  pageCount: number;
}

/** One page of the log (50 rows). */
export async function auditPage(db: Db, filters: AuditFilters): Promise<AuditPage> {
  const total = await countAudit(db, filters);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page), pageCount);
  const rows = await auditRows(db, filters, { limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE });
  return { rows, total, page, pageCount };
}

/** The filters in words, for the export's note: “操作人：张三（zhangsan）；操作：登录；日期 2026-11-01 至 2026-11-26”. */
export async function describeAuditFilters(db: Db, filters: AuditFilters): Promise<string> {
  const parts: string[] = [];
  if (filters.userId) {
    const [u] = await db.select({ username: users.username, displayName: users.displayName }).from(users).where(eq(users.id, filters.userId));
    parts.push(`操作人：${u ? `${u.displayName}（${u.username}）` : `账号 #${filters.userId}（不存在）`}`);
  }
  if (filters.departmentId) {
    const [d] = await db.select({ name: departments.shortName }).from(departments).where(eq(departments.id, filters.departmentId));
    parts.push(`部门：${d?.name ?? `#${filters.departmentId}（不存在）`}`);
  }
  if (filters.action) parts.push(`操作：${actionLabel(filters.action)}`);
  if (filters.from && filters.to) parts.push(`日期 ${filters.from} 至 ${filters.to}`);
  else if (filters.from) parts.push(`日期自 ${filters.from} 起`);
  else if (filters.to) parts.push(`日期截至 ${filters.to}`);
  return parts.length > 0 ? parts.join("；") : "全部记录";
}

/** What the filter drop-downs offer: every account, every department, every action seen or known. */
export async function auditFilterOptions(db: Db) {
  const [accounts, deps, seen] = await Promise.all([
    db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).orderBy(asc(users.username)),
    db.select({ id: departments.id, name: departments.shortName }).from(departments).orderBy(asc(departments.sortOrder), asc(departments.id)),
    db.selectDistinct({ action: auditLog.action }).from(auditLog),
  ]);
  const names = new Set([...Object.keys(ACTION_LABELS), ...seen.map((s) => s.action)]);
  const actions = [...names].map((name) => ({ name, label: actionLabel(name) }));
  return { accounts, departments: deps, actions };
}
