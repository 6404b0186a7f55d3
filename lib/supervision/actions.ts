import { and, eq, inArray } from "drizzle-orm";
import { departments, indicators, orgUnits, planTasks, RECORD_MARKS, supervisionItemDepartments, supervisionItems, supervisionRecords, type SupervisionItem } from "@/db/schema";
import { isOffice } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/viewer";
import { isIsoDate, isIsoMonth, todayInChina } from "@/lib/dates";
import { conflict, forbidden, notFound, Refusal, z, type Tx, type WriteAction } from "@/lib/write";
import { STATUS_LABELS } from "./labels";

const cell = z.union([z.string(), z.number(), z.null()]);
const openInput = z.object({
  // A value (indicator, unit) or a work-plan task: exactly one of the two.
  indicatorCode: z.string().max(60).nullable().optional().transform((v) => v || null),
  orgUnitId: z.coerce.number().int().positive().nullable().optional().transform((v) => v ?? null),
  taskId: z.coerce.number().int().positive().nullable().optional().transform((v) => v ?? null),
  month: z.string().refine(isIsoMonth, "月份应为 YYYY-MM"),
  warningKind: z.string().max(30).nullable().optional().transform((v) => v || null),
  departmentIds: z.array(z.coerce.number().int().positive()).min(1, "请至少选择一个责任单位").max(40),
  deadline: z.string().refine(isIsoDate, "期限应为日期").refine((d) => d >= todayInChina(), "期限不能早于今天"),
  note: z.string().trim().max(2_000, "督办要求不超过2000字").optional().transform((v) => v || null),
  // The drill-down's rows and columns at this moment, read by the server (never sent by a browser).
  columns: z.array(z.object({ key: z.string(), label: z.string() })).max(40),
  records: z.array(z.record(z.string(), cell)).max(5_000),
  value: z.number().nullable(),
  target: z.number().nullable(),
}).refine((v) => (v.taskId === null) === (v.indicatorCode !== null && v.orgUnitId !== null), { message: "督办事项应针对一个指标值或一项工作任务", path: ["indicatorCode"] });

/**
 * The office hands a value to its owner departments (and the unit's district) with the records behind it, or a
 * work-plan task to the departments that carry it.
 */
export const openSupervisionItem: WriteAction<typeof openInput, { id: number }> = {
  name: "supervision.open", input: openInput, allow: isOffice, refusal: "只有信用办可以开具督办事项",
  check: async (db, input) => {
    if (input.taskId !== null) {
      const [task] = await db.select({ id: planTasks.id }).from(planTasks).where(eq(planTasks.id, input.taskId));
      if (!task) throw new Refusal(422, "没有这项工作任务", { taskId: "没有这项工作任务" });
    } else {
      const [indicator] = await db.select({ code: indicators.code }).from(indicators).where(eq(indicators.code, input.indicatorCode!));
      if (!indicator) throw new Refusal(422, "没有这个指标", { indicatorCode: "没有这个指标" });
      const [unit] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, input.orgUnitId!));
      if (!unit) throw new Refusal(422, "没有这个单位", { orgUnitId: "没有这个单位" });
    }
    const found = await db.select({ id: departments.id }).from(departments).where(inArray(departments.id, input.departmentIds));
    if (found.length !== new Set(input.departmentIds).size) throw new Refusal(422, "所选责任单位不存在", { departmentIds: "所选责任单位不存在" });
  },
  run: async (tx, input, viewer) => {
    const [unit] = input.orgUnitId === null ? [] : await tx.select().from(orgUnits).where(eq(orgUnits.id, input.orgUnitId));
    const [task] = input.taskId === null ? [] : await tx.select({ number: planTasks.number, title: planTasks.title }).from(planTasks).where(eq(planTasks.id, input.taskId));
    const districtId = !unit ? null : unit.level === "district" ? unit.id : unit.level === "town" ? unit.parentId : null;
    const taskLabel = task ? `${task.number} ${task.title}`.slice(0, 200) : null;
    const [item] = await tx.insert(supervisionItems).values({
      indicatorCode: input.indicatorCode, orgUnitId: input.orgUnitId, taskId: input.taskId, taskLabel, districtId, month: input.month, warningKind: input.warningKind,
      valueAtCreation: input.value, target: input.target, deadline: input.deadline, note: input.note, columns: JSON.stringify(input.columns),
      recordCount: input.records.length, createdBy: viewer.username, createdAt: new Date().toISOString(),
    }).returning({ id: supervisionItems.id });
    const id = item!.id;
    await tx.insert(supervisionItemDepartments).values([...new Set(input.departmentIds)].map((departmentId) => ({ itemId: id, departmentId })));
    for (let i = 0; i < input.records.length; i += 200) {
      await tx.insert(supervisionRecords).values(input.records.slice(i, i + 200).map((r, j) => ({ itemId: id, position: i + j + 1, data: JSON.stringify(r), recordKey: frozenRecordKey(r) })));
    }
    const what = taskLabel ? `工作任务 ${taskLabel}` : `${input.indicatorCode}，${unit!.name}，${input.month}，附记录${input.records.length}条`;
    return { value: { id }, audit: { entityType: "supervision_item", entityId: id, districtId, summary: `开具督办事项 #${id}：${what}，期限${input.deadline}`, after: { ...input, records: input.records.length } } };
  },
};

/** A frozen row's id as its listing keys it (drilldownRowIdentity's id), or null for a row without one. */
function frozenRecordKey(row: Record<string, unknown>): number | null {
  return Number.isSafeInteger(row.id) ? (row.id as number) : null;
}

/** Whether the viewer is one of the item's parties: a department it is handed to, or its district. */
export async function isParty(db: Pick<Tx, "select">, viewer: Viewer, item: Pick<SupervisionItem, "id" | "districtId">): Promise<boolean> {
  if (viewer.role === "district") return viewer.districtId !== null && viewer.districtId === item.districtId;
  if (viewer.role !== "department" || !viewer.departmentId) return false;
  const [row] = await db.select().from(supervisionItemDepartments).where(and(eq(supervisionItemDepartments.itemId, item.id), eq(supervisionItemDepartments.departmentId, viewer.departmentId)));
  return !!row;
}

async function itemFor(db: Pick<Tx, "select">, id: number, viewer: Viewer, party: boolean): Promise<SupervisionItem> {
  const [item] = await db.select().from(supervisionItems).where(eq(supervisionItems.id, id));
  if (!item) throw notFound("没有这个督办事项");
  if (party ? !(await isParty(db, viewer, item)) : !isOffice(viewer)) throw forbidden(party ? "只有督办事项的责任单位可以办理" : "只有信用办可以办结或退回");
  return item;
}

const itemId = z.object({ itemId: z.coerce.number().int().positive() });
const mayWork = (v: Viewer) => v.role === "department" || v.role === "district";
const workable = (item: SupervisionItem) => {
  if (item.status === "submitted") throw conflict("反馈已提交，等待信用办审核；如需修改请联系信用办退回");
  if (item.status === "accepted") throw conflict("该事项已办结");
};

/** The department (or district) acknowledges the item: it has seen it and works on it. */
export const acknowledgeItem: WriteAction<typeof itemId, null> = {
  name: "supervision.acknowledge", input: itemId, allow: mayWork, refusal: "只有责任单位可以签收",
  run: async (tx, input, viewer) => {
    const item = await itemFor(tx, input.itemId, viewer, true);
    if (item.status !== "open") throw conflict(`该事项已${STATUS_LABELS[item.status]}，无需再签收`);
    await tx.update(supervisionItems).set({ status: "acknowledged", acknowledgedAt: new Date().toISOString() }).where(eq(supervisionItems.id, item.id));
    return { value: null, audit: { entityType: "supervision_item", entityId: item.id, departmentId: viewer.departmentId, districtId: item.districtId, summary: `签收督办事项 #${item.id}` } };
  },
};

const markInput = itemId.extend({
  recordId: z.coerce.number().int().positive(),
  mark: z.enum(RECORD_MARKS, { error: "请选择已更正、无法更正或非本单位" }),
  reason: z.string().trim().max(500, "说明不超过500字").optional().transform((v) => v || null),
}).refine((v) => v.mark === "fixed" || v.reason, { message: "无法更正或非本单位时请说明原因", path: ["reason"] });

/** The department says of one attached record: corrected, cannot be corrected (why), or not its own (why). */
export const markRecord: WriteAction<typeof markInput, null> = {
  name: "supervision.mark_record", input: markInput, allow: mayWork, refusal: "只有责任单位可以标记记录",
  run: async (tx, input, viewer) => {
    const item = await itemFor(tx, input.itemId, viewer, true);
    workable(item);
    const [record] = await tx.select().from(supervisionRecords).where(and(eq(supervisionRecords.id, input.recordId), eq(supervisionRecords.itemId, item.id)));
    if (!record) throw notFound("该事项中没有这条记录");
    await tx.update(supervisionRecords).set({ mark: input.mark, markReason: input.reason, markedAt: new Date().toISOString() }).where(eq(supervisionRecords.id, record.id));
    if (item.status === "open") await tx.update(supervisionItems).set({ status: "acknowledged", acknowledgedAt: new Date().toISOString() }).where(eq(supervisionItems.id, item.id));
    return { value: null, audit: { entityType: "supervision_record", entityId: record.id, departmentId: viewer.departmentId, districtId: item.districtId, summary: `督办事项 #${item.id} 第${record.position}条记录标记为${input.mark}`, before: { mark: record.mark }, after: { mark: input.mark, reason: input.reason } } };
  },
};

const feedbackInput = itemId.extend({ feedback: z.string().trim().min(5, "请写明整改情况（至少5个字）").max(5_000, "整改反馈不超过5000字") });

/** The department submits its 整改反馈 for the office to accept or return. */
export const submitFeedback: WriteAction<typeof feedbackInput, null> = {
  name: "supervision.submit", input: feedbackInput, allow: mayWork, refusal: "只有责任单位可以提交整改反馈",
  run: async (tx, input, viewer) => {
    const item = await itemFor(tx, input.itemId, viewer, true);
    workable(item);
    await tx.update(supervisionItems).set({ status: "submitted", feedback: input.feedback, submittedAt: new Date().toISOString(), acknowledgedAt: item.acknowledgedAt ?? new Date().toISOString() }).where(eq(supervisionItems.id, item.id));
    return { value: null, audit: { entityType: "supervision_item", entityId: item.id, departmentId: viewer.departmentId, districtId: item.districtId, summary: `提交督办事项 #${item.id} 的整改反馈`, after: { feedback: input.feedback } } };
  },
};

const reviewInput = itemId.extend({
  decision: z.enum(["accept", "return"]),
  reason: z.string().trim().max(1_000, "退回原因不超过1000字").optional().transform((v) => v || null),
}).refine((v) => v.decision === "accept" || v.reason, { message: "退回时请写明原因", path: ["reason"] });

/** The office accepts a submitted item (办结销号) or returns it with a reason. */
export const reviewItem: WriteAction<typeof reviewInput, null> = {
  name: "supervision.review", input: reviewInput, allow: isOffice, refusal: "只有信用办可以办结或退回",
  run: async (tx, input, viewer) => {
    const item = await itemFor(tx, input.itemId, viewer, false);
    if (item.status !== "submitted") throw conflict(`该事项${STATUS_LABELS[item.status]}，只有已提交反馈的事项可以${input.decision === "accept" ? "办结" : "退回"}`);
    const now = new Date().toISOString();
    await tx.update(supervisionItems).set(input.decision === "accept" ? { status: "accepted", closedAt: now, returnReason: null } : { status: "returned", returnReason: input.reason })
      .where(eq(supervisionItems.id, item.id));
    return { value: null, audit: { entityType: "supervision_item", entityId: item.id, districtId: item.districtId, summary: input.decision === "accept" ? `办结督办事项 #${item.id}` : `退回督办事项 #${item.id}：${input.reason}` } };
  },
};
