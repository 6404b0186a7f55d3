import { sqliteTable, integer, text, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./access";
import { departments } from "./org";

export const ROBOT_KINDS = ["wecom", "dingtalk"] as const;
export type RobotKindName = (typeof ROBOT_KINDS)[number];

/** A department's work-chat group robot (企业微信 or 钉钉), set by the office. */
export const departmentRobots = sqliteTable(
  "department_robots",
  {
    id: integer("id").primaryKey(),
    departmentId: integer("department_id").notNull().references(() => departments.id),
    kind: text("kind", { enum: ROBOT_KINDS }).notNull(),
    url: text("url").notNull(),
    // DingTalk's 加签 secret: needed to sign each message, so kept as given; never shown again in full.
    secret: text("secret"),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("department_robots_uq").on(t.departmentId, t.kind)],
);

/** A notice in a person's inbox. */
export const inboxNotices = sqliteTable(
  "inbox_notices",
  {
    id: integer("id").primaryKey(),
    userId: integer("user_id").notNull().references(() => users.id),
    at: text("at").notNull(),
    event: text("event").notNull(),
    itemId: integer("item_id"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    readAt: text("read_at"),
  },
  (t) => [index("inbox_notices_user_idx").on(t.userId, t.at)],
);

/**
 * Every message sent for an event: which event of which item went to which robot, each attempt's answer.
 * An event of an item (e.g. the reminder three working days before its deadline) is sent once.
 */
export const noticeDeliveries = sqliteTable(
  "notice_deliveries",
  {
    id: integer("id").primaryKey(),
    event: text("event").notNull(),
    itemId: integer("item_id").notNull(),
    departmentId: integer("department_id"),
    robotKind: text("robot_kind"),
    at: text("at").notNull(),
    attempt: integer("attempt").notNull(),
    status: integer("status"),
    answer: text("answer").notNull(),
    ok: integer("ok", { mode: "boolean" }).notNull(),
  },
  (t) => [index("notice_deliveries_item_idx").on(t.itemId, t.event), index("notice_deliveries_at_idx").on(t.at)],
);
