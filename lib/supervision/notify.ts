import { pacedPerRobot } from "@/lib/notify/pacing";
import { itemSubject } from "./queries";
import { and, eq, inArray, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departmentRobots, inboxNotices, indicators, noticeDeliveries, orgUnits, supervisionItemDepartments, supervisionItems, users } from "@/db/schema";
import type { WorkCalendar } from "@/lib/calendar";
import { sendToRobot, type RobotMessage } from "@/lib/notify/robots";
import { bookkeeping } from "@/lib/write";
import { lightOf } from "./deadline";

export type SupervisionEvent = "assigned" | "due_soon" | "overdue" | "submitted" | "returned" | "accepted";

const TITLES: Record<SupervisionEvent, string> = {
  assigned: "新的督办事项", due_soon: "督办事项三个工作日内到期", overdue: "督办事项已逾期",
  submitted: "督办事项已提交整改反馈", returned: "督办事项被退回", accepted: "督办事项已办结",
};

/** Where links in messages point: the address people open the product at (set PUBLIC_BASE_URL in production). */
export const publicBaseUrl = () => (process.env.PUBLIC_BASE_URL ?? "http://localhost:3000").replace(/\/+$/, "");

/**
 * Tells the people of an item what happened: a notice in each one's inbox, and a message to each responsible
 * department's work-chat robots. Sending happens after the change and never holds it up; every attempt is logged.
 * Returns the robot sends under way, for callers (tests, the reminder sweep) that wait for them.
 */
export async function announce(db: Db, event: SupervisionEvent, itemId: number, send = pacedSendToRobot): Promise<Promise<unknown>[]> {
  const [item] = await db.select().from(supervisionItems).where(eq(supervisionItems.id, itemId));
  if (!item) return [];
  const [[indicator], [unit], owners] = await Promise.all([
    item.indicatorCode === null ? [] : db.select({ name: indicators.name }).from(indicators).where(eq(indicators.code, item.indicatorCode)),
    item.orgUnitId === null ? [] : db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, item.orgUnitId)),
    db.select({ id: supervisionItemDepartments.departmentId }).from(supervisionItemDepartments).where(eq(supervisionItemDepartments.itemId, itemId)),
  ]);
  const departmentIds = owners.map((o) => o.id);
  // Who hears of it: the office of a submission; the item's departments and district of everything else
  // (and the office too once it is overdue).
  const audience = [
    ...(event !== "submitted" && departmentIds.length ? [and(eq(users.role, "department"), inArray(users.departmentId, departmentIds))!] : []),
    ...(event !== "submitted" && item.districtId ? [and(eq(users.role, "district"), eq(users.districtId, item.districtId))!] : []),
    ...(event === "submitted" || event === "overdue" ? [eq(users.role, "office")] : []),
  ];
  const recipients = audience.length === 0 ? [] : await db.select({ id: users.id }).from(users).where(and(eq(users.active, true), or(...audience)));
  const subject = `${itemSubject(item, unit?.name ?? "", indicator?.name ?? item.indicatorCode ?? "")}（${item.month}）`;
  const body = [`督办事项 #${item.id}：${subject}`, `期限：${item.deadline}`, ...(event === "returned" && item.returnReason ? [`退回原因：${item.returnReason}`] : [])];
  const link = `/supervision/${item.id}`;
  const at = new Date().toISOString();
  if (recipients.length > 0) {
    await bookkeeping(db, (tx) => tx.insert(inboxNotices).values(recipients.map((r) => ({ userId: r.id, at, event, itemId, title: TITLES[event], body: body.join("\n"), link }))));
  }
  if (event === "submitted" || departmentIds.length === 0) return [];
  const robots = await db.select().from(departmentRobots).where(inArray(departmentRobots.departmentId, departmentIds));
  const message: RobotMessage = { title: TITLES[event], lines: body, link: { text: "打开督办事项", url: `${publicBaseUrl()}${link}` } };
  return robots.map((robot) => send({ kind: robot.kind, url: robot.url, secret: robot.secret }, message, {
    onAttempt: (a) => bookkeeping(db, (tx) => tx.insert(noticeDeliveries).values({
      event, itemId, departmentId: robot.departmentId, robotKind: robot.kind, at: a.at, attempt: a.n, status: a.status, answer: a.answer.slice(0, 500), ok: a.ok,
    })).then(() => undefined, () => undefined),
  }).catch(() => undefined));
}

/** Robot sends as the app makes them: queued per robot so a burst stays within what the robots accept. */
const pacedSendToRobot = pacedPerRobot(sendToRobot);

/** Sends an event of an item in the background: a failure to notify never fails the change that caused it. */
export function announceLater(db: Db, event: SupervisionEvent, itemId: number): void {
  void announce(db, event, itemId).catch((error) => console.error(`督办通知失败 #${itemId} ${event}:`, error));
}

/**
 * The reminders no one has to trigger: three working days before an open item's deadline, and once it is
 * overdue — each sent once per item.
 */
export async function sweepReminders(db: Db, calendar: WorkCalendar, today: string, send = pacedSendToRobot): Promise<number> {
  const open = await db.select({ id: supervisionItems.id, status: supervisionItems.status, deadline: supervisionItems.deadline }).from(supervisionItems)
    .where(inArray(supervisionItems.status, ["open", "acknowledged", "returned"]));
  let sent = 0;
  for (const item of open) {
    const light = lightOf(item.status, item.deadline, today, calendar);
    const event: SupervisionEvent | null = light === "red" ? "overdue" : light === "yellow" ? "due_soon" : null;
    if (!event) continue;
    const [done] = await db.select({ id: inboxNotices.id }).from(inboxNotices).where(and(eq(inboxNotices.itemId, item.id), eq(inboxNotices.event, event))).limit(1);
    const [logged] = await db.select({ id: noticeDeliveries.id }).from(noticeDeliveries).where(and(eq(noticeDeliveries.itemId, item.id), eq(noticeDeliveries.event, event))).limit(1);
    if (done || logged) continue;
    await Promise.all(await announce(db, event, item.id, send));
    sent++;
  }
  return sent;
}
