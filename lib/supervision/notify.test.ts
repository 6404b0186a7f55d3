import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { departmentRobots, inboxNotices, noticeDeliveries, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { createWorkCalendar } from "@/lib/calendar";
import { sendToRobot } from "@/lib/notify/robots";
import { write } from "@/lib/write";
import { loadCatalogue, makeCity, type TestCity } from "@/tests/support/factories";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { openSupervisionItem } from "./actions";
import { announce, sweepReminders } from "./notify";

const office: Viewer = { userId: null, tokenId: null, username: "office", displayName: "信用办", role: "office", departmentId: null, districtId: null, sessionId: null, address: "" };
const fastSend: typeof sendToRobot = (robot, message, options) => sendToRobot(robot, message, { ...options, sleep: async () => {} });

describe("督办 notices: the inbox and the departments' group robots", () => {
  let t: TestDb;
  let city: TestCity;
  let receiver: Server;
  let received: { path: string; body: Record<string, unknown> }[];
  let answer: () => [number, unknown];
  beforeEach(async () => {
    t = await createTestDb();
    city = await makeCity(t.db, ["城关区"]);
    await loadCatalogue(t.db, "2026-10");
    const user = (username: string, role: "office" | "department" | "district", departmentId: number | null, districtId: number | null) =>
      ({ username, displayName: username, role, departmentId, districtId, passwordHash: "x", active: true, createdAt: "2026-11-01", passwordChangedAt: "2026-11-01" });
    await t.db.insert(users).values([user("office", "office", null, null), user("dept", "department", city.departmentId, null), user("dist", "district", null, city.districts[0]!.id), user("other", "department", null, null)]);
    received = [];
    answer = () => [200, { errcode: 0, errmsg: "ok" }];
    receiver = createServer((req, res) => {
      let text = "";
      req.on("data", (c: Buffer) => (text += c));
      req.on("end", () => {
        received.push({ path: req.url ?? "", body: JSON.parse(text) as Record<string, unknown> });
        const [status, body] = answer();
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    const { port } = receiver.address() as AddressInfo;
    await t.db.insert(departmentRobots).values({ departmentId: city.departmentId, kind: "wecom", url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=test`, updatedAt: "2026-11-01" });
  });
  afterEach(async () => {
    await new Promise<void>((r) => receiver.close(() => r()));
    t.cleanup();
  });

  async function open(deadline: string) {
    const outcome = await write(t.db, office, openSupervisionItem, {
      indicatorCode: "uscc_error_rate", orgUnitId: city.districts[0]!.id, month: "2026-10", departmentIds: [city.departmentId], deadline,
      columns: [], records: [], value: 12, target: 5,
    });
    if (!outcome.ok) throw new Error(outcome.message);
    return outcome.value.id;
  }

  it("tells the department and the district in their inboxes, and posts to the department's robot with a link back", async () => {
    const id = await open("2099-12-31");
    await Promise.all(await announce(t.db, "assigned", id, fastSend));
    const inbox = await t.db.select({ user: users.username, title: inboxNotices.title, link: inboxNotices.link }).from(inboxNotices).innerJoin(users, eq(users.id, inboxNotices.userId));
    expect(inbox.map((n) => n.user).sort()).toEqual(["dept", "dist"]);
    expect(inbox[0]).toMatchObject({ title: "新的督办事项", link: `/supervision/${id}` });
    expect(received).toHaveLength(1);
    expect(received[0]!.body).toMatchObject({ msgtype: "markdown" });
    expect(JSON.stringify(received[0]!.body)).toContain(`/supervision/${id}`);
    expect(await t.db.select({ ok: noticeDeliveries.ok, attempt: noticeDeliveries.attempt }).from(noticeDeliveries)).toEqual([{ ok: true, attempt: 1 }]);
    // A submission is the office's to read; nothing goes to the department's group.
    await Promise.all(await announce(t.db, "submitted", id, fastSend));
    expect(received).toHaveLength(1);
    expect((await t.db.select().from(inboxNotices).where(eq(inboxNotices.event, "submitted"))).length).toBe(1);
  });

  it("retries a robot that is busy, logging every attempt, and never fails the caller", async () => {
    const id = await open("2099-12-31");
    let calls = 0;
    answer = () => (++calls < 3 ? [200, { errcode: 45009, errmsg: "api freq out of limit" }] : [200, { errcode: 0, errmsg: "ok" }]);
    await Promise.all(await announce(t.db, "returned", id, fastSend));
    const log = await t.db.select({ attempt: noticeDeliveries.attempt, ok: noticeDeliveries.ok }).from(noticeDeliveries).orderBy(noticeDeliveries.attempt);
    expect(log).toEqual([{ attempt: 1, ok: false }, { attempt: 2, ok: false }, { attempt: 3, ok: true }]);
    answer = () => [500, { error: "down" }];
    await expect(Promise.all(await announce(t.db, "accepted", id, fastSend))).resolves.toBeDefined();
  });

  it("reminds once three working days before the deadline and once when overdue", async () => {
    const calendar = createWorkCalendar();
    const id = await open("2099-12-31");
    const soon = await open("2099-12-31");
    const { supervisionItems } = await import("@/db/schema");
    await t.db.update(supervisionItems).set({ deadline: "2026-11-30" }).where(eq(supervisionItems.id, soon));
    await t.db.update(supervisionItems).set({ deadline: "2026-11-20" }).where(eq(supervisionItems.id, id));
    expect(await sweepReminders(t.db, calendar, "2026-11-26", fastSend)).toBe(2);
    expect(await sweepReminders(t.db, calendar, "2026-11-26", fastSend)).toBe(0);
    const events = (await t.db.select({ item: inboxNotices.itemId, event: inboxNotices.event, user: users.username }).from(inboxNotices).innerJoin(users, eq(users.id, inboxNotices.userId)))
      .map((n) => `${n.item === id ? "overdue-item" : "soon-item"}:${n.event}:${n.user}`).sort();
    expect(events).toEqual(["overdue-item:overdue:dept", "overdue-item:overdue:dist", "overdue-item:overdue:office", "soon-item:due_soon:dept", "soon-item:due_soon:dist"]);
    expect(received).toHaveLength(2);
  });
});
