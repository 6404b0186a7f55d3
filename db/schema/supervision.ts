import { sqliteTable, integer, text, real, index, primaryKey, blob } from "drizzle-orm/sqlite-core";
import { departments, orgUnits } from "./org";

export const SUPERVISION_STATUSES = ["open", "acknowledged", "submitted", "returned", "accepted"] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];
export const RECORD_MARKS = ["fixed", "unfixable", "not_ours"] as const;
export type RecordMark = (typeof RECORD_MARKS)[number];
export const VERDICTS = ["effective", "partial", "none"] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * A 督办 item: an indicator value of a unit and month handed to its owner departments (and the district) with a
 * deadline and the records behind the value, frozen when it was opened.
 */
export const supervisionItems = sqliteTable(
  "supervision_items",
  {
    id: integer("id").primaryKey(),
    // An item is about an indicator value of a unit, or about a work-plan task (then these two are null).
    indicatorCode: text("indicator_code"),
    orgUnitId: integer("org_unit_id").references(() => orgUnits.id),
    // The task, by id and as it read when the item was opened (a new version of the plan may replace the row).
    taskId: integer("task_id"),
    taskLabel: text("task_label"),
    // The district the item is also handed to (the unit's own district; null for the city).
    districtId: integer("district_id").references(() => orgUnits.id),
    month: text("month").notNull(),
    // The warning it came from (red, yellow, …), or null when opened from a value.
    warningKind: text("warning_kind"),
    valueAtCreation: real("value_at_creation"),
    target: real("target"),
    deadline: text("deadline").notNull(),
    note: text("note"),
    status: text("status", { enum: SUPERVISION_STATUSES }).notNull().default("open"),
    // JSON: the drill-down's columns of the frozen records.
    columns: text("columns").notNull().default("[]"),
    recordCount: integer("record_count").notNull().default(0),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
    acknowledgedAt: text("acknowledged_at"),
    feedback: text("feedback"),
    submittedAt: text("submitted_at"),
    returnReason: text("return_reason"),
    closedAt: text("closed_at"),
    // What the latest computation says: the value then, its month, and whether the rectification worked.
    valueNow: real("value_now"),
    valueNowMonth: text("value_now_month"),
    verdict: text("verdict", { enum: VERDICTS }),
    // Closed as done, yet the indicator is red again in the latest month: shown to the office.
    redAfterClosing: integer("red_after_closing", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("supervision_items_status_idx").on(t.status, t.deadline), index("supervision_items_unit_idx").on(t.indicatorCode, t.orgUnitId, t.month)],
);

/** The departments an item is handed to. */
export const supervisionItemDepartments = sqliteTable(
  "supervision_item_departments",
  {
    itemId: integer("item_id").notNull().references(() => supervisionItems.id, { onDelete: "cascade" }),
    departmentId: integer("department_id").notNull().references(() => departments.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.departmentId] }), index("supervision_item_departments_dept_idx").on(t.departmentId)],
);

/** A record behind the value, as it was when the item was opened, and what the department says of it. */
export const supervisionRecords = sqliteTable(
  "supervision_records",
  {
    id: integer("id").primaryKey(),
    itemId: integer("item_id").notNull().references(() => supervisionItems.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    // JSON: the drill-down row, frozen.
    data: text("data").notNull(),
    // The frozen row's id where its listing has one (the drill-down spec's key): what the data says of the record
    // now is asked of the listing by it, when the item is looked at (record-states.ts).
    recordKey: integer("record_key"),
    mark: text("mark", { enum: RECORD_MARKS }),
    markReason: text("mark_reason"),
    markedAt: text("marked_at"),
  },
  (t) => [index("supervision_records_item_idx").on(t.itemId, t.position)],
);

export type SupervisionItem = typeof supervisionItems.$inferSelect;
export type SupervisionRecord = typeof supervisionRecords.$inferSelect;

/**
 * The office's 督办 settings, one row: the default deadline in working days, and the indicators whose new red
 * warnings open an item by themselves (JSON list of codes).
 */
export const supervisionSettings = sqliteTable("supervision_settings", {
  id: integer("id").primaryKey(),
  defaultWorkingDays: integer("default_working_days").notNull().default(10),
  autoOpenIndicators: text("auto_open_indicators").notNull().default("[]"),
  updatedAt: text("updated_at"),
});

/** A file the department attaches to its 整改反馈 (a PDF or an image), kept in the store with the item. */
export const supervisionAttachments = sqliteTable(
  "supervision_attachments",
  {
    id: integer("id").primaryKey(),
    itemId: integer("item_id").notNull().references(() => supervisionItems.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    // Read from the file's first bytes, never from what the browser said.
    contentType: text("content_type").notNull(),
    bytes: integer("bytes").notNull(),
    data: blob("data", { mode: "buffer" }).notNull(),
    uploadedBy: text("uploaded_by").notNull(),
    uploadedAt: text("uploaded_at").notNull(),
  },
  (t) => [index("supervision_attachments_item_idx").on(t.itemId)],
);
