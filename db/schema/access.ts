import { sqliteTable, integer, text, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { departments, orgUnits } from "./org";

/** 领导 sees all and changes nothing; 信用办 does everything; 部门 and 区县 see and change only their own. */
export const ROLES = ["leader", "office", "department", "district"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { leader: "领导", office: "信用办", department: "部门", district: "区县" };

/** People who sign in. A 部门 account names its department, a 区县 account its district. */
export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    departmentId: integer("department_id").references(() => departments.id),
    districtId: integer("district_id").references(() => orgUnits.id),
    passwordHash: text("password_hash").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
    passwordChangedAt: text("password_changed_at").notNull(),
  },
  (t) => [uniqueIndex("users_username_uq").on(t.username)],
);

/**
 * Server-side sessions: the cookie holds a random token, the store only its SHA-256, so a copy of the
 * database cannot be used to sign in. Every app server reads the same table.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id").notNull().references(() => users.id),
    createdAt: integer("created_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    address: text("address").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Failed sign-ins per account and per address: a growing delay, then a lockout. */
export const signInThrottle = sqliteTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  lastFailureAt: integer("last_failure_at").notNull(),
  lockedUntil: integer("locked_until"),
});

/** Tokens a department's own system sends as `Authorization: Bearer …`; only the hash is kept. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey(),
    departmentId: integer("department_id").notNull().references(() => departments.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    createdAt: text("created_at").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    revokedAt: text("revoked_at"),
    lastUsedAt: text("last_used_at"),
  },
  (t) => [uniqueIndex("api_tokens_hash_uq").on(t.tokenHash), index("api_tokens_department_idx").on(t.departmentId)],
);

/** Every change: who, when, from where, what, and the row before and after. Written in the change's transaction. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey(),
    at: text("at").notNull(),
    userId: integer("user_id"),
    actor: text("actor").notNull(),
    role: text("role").notNull(),
    address: text("address").notNull().default(""),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    departmentId: integer("department_id"),
    districtId: integer("district_id"),
    summary: text("summary").notNull(),
    before: text("before"),
    after: text("after"),
  },
  (t) => [
    index("audit_at_idx").on(t.at),
    index("audit_user_idx").on(t.userId, t.at),
    index("audit_action_idx").on(t.action, t.at),
    index("audit_department_idx").on(t.departmentId, t.at),
  ],
);

/** A form's one-time submission key: the same submission sent twice is recognised, not stored twice. */
export const writeReceipts = sqliteTable("write_receipts", {
  key: text("key").primaryKey(),
  action: text("action").notNull(),
  userId: integer("user_id"),
  at: text("at").notNull(),
  result: text("result").notNull(),
});

export type User = typeof users.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
