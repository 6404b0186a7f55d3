import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appMeta, auditLog, sessions, users, type Role } from "@/db/schema";
import { createUser, resetPassword } from "@/lib/users/actions";
import { write, z, type WriteAction } from "@/lib/write";
import { makeCity, type TestCity } from "@/tests/support/factories";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS } from "./session-policy";
import { hashSecret, newSecret, validateSession } from "./sessions";
import { signIn, signOut } from "./sign-in";
import { systemViewer } from "./viewer";

let t: TestDb;
let city: TestCity;
beforeEach(async () => {
  t = await createTestDb();
  city = await makeCity(t.db, ["甲区", "乙县"]);
});
afterEach(() => t.cleanup());

const T0 = Date.UTC(2026, 10, 24, 1, 0, 0);
const PASSWORD = "Xinyong#2026";
const ADDRESS = "10.0.0.1";

async function makeUser(username: string, role: Role = "office", scope: { departmentId?: number; districtId?: number } = {}) {
  const outcome = await write(t.db, systemViewer("test"), createUser, {
    username, password: PASSWORD, displayName: `测试${username}`, role, departmentId: scope.departmentId ?? null, districtId: scope.districtId ?? null,
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value.id;
}

async function sessionOf(username: string, now = T0, password = PASSWORD): Promise<string> {
  const r = await signIn(t.db, { username, password }, { address: ADDRESS, userAgent: "测试浏览器" }, now);
  if (!r.ok) throw new Error(r.message);
  return r.token;
}

const row = async (token: string) => (await t.db.select().from(sessions).where(eq(sessions.id, hashSecret(token))))[0];

describe("validateSession", () => {
  it("returns the viewer with the scope of its role only", async () => {
    const office = await makeUser("office1", "office");
    const dep = await makeUser("samr", "department", { departmentId: city.departmentId });
    const dis = await makeUser("jiaqu", "district", { districtId: city.districts[0]!.id });
    const leader = await makeUser("boss", "leader");
    // A stray scope on an account of another role gives no scope.
    await t.db.update(users).set({ departmentId: city.departmentId, districtId: city.districts[0]!.id }).where(eq(users.id, office));

    const officeToken = await sessionOf("office1");
    const v = await validateSession(t.db, officeToken, "10.9.9.9", T0 + 1);
    expect(v).toEqual({
      userId: office, tokenId: null, username: "office1", displayName: "测试office1", role: "office",
      departmentId: null, districtId: null, sessionId: hashSecret(officeToken), address: "10.9.9.9",
    });
    expect(await validateSession(t.db, await sessionOf("samr"), ADDRESS, T0 + 1)).toMatchObject({ userId: dep, role: "department", departmentId: city.departmentId, districtId: null });
    expect(await validateSession(t.db, await sessionOf("jiaqu"), ADDRESS, T0 + 1)).toMatchObject({ userId: dis, role: "district", departmentId: null, districtId: city.districts[0]!.id });
    expect(await validateSession(t.db, await sessionOf("boss"), ADDRESS, T0 + 1)).toMatchObject({ userId: leader, role: "leader", departmentId: null, districtId: null });
  });

  it("knows no token it did not issue", async () => {
    await makeUser("office1");
    const token = await sessionOf("office1");
    expect(await validateSession(t.db, "", ADDRESS, T0)).toBeNull();
    expect(await validateSession(t.db, newSecret().token, ADDRESS, T0)).toBeNull();
    expect(await validateSession(t.db, `${token}x`, ADDRESS, T0)).toBeNull();
    expect(await validateSession(t.db, "x".repeat(201), ADDRESS, T0)).toBeNull();
    // The stored hash is not a token either.
    expect(await validateSession(t.db, hashSecret(token), ADDRESS, T0)).toBeNull();
    expect(await validateSession(t.db, token, ADDRESS, T0)).not.toBeNull();
  });

  it("ends a session left unused for SESSION_IDLE_MS and deletes it", async () => {
    await makeUser("office1");
    const idle = await sessionOf("office1");
    const active = await sessionOf("office1");
    expect(await validateSession(t.db, active, ADDRESS, T0 + SESSION_IDLE_MS - 1)).not.toBeNull();
    expect(await validateSession(t.db, idle, ADDRESS, T0 + SESSION_IDLE_MS)).toBeNull();
    expect(await row(idle)).toBeUndefined();
    // Used once more just before its idle limit, the other session lives on.
    expect(await validateSession(t.db, active, ADDRESS, T0 + 2 * SESSION_IDLE_MS - 2)).not.toBeNull();
  });

  it("ends a session SESSION_ABSOLUTE_MS after sign-in even when it is used all the time", async () => {
    await makeUser("office1");
    const token = await sessionOf("office1");
    const step = 5 * 60_000;
    let now = T0;
    for (; now < T0 + SESSION_ABSOLUTE_MS; now += step) {
      expect(await validateSession(t.db, token, ADDRESS, now), `at ${(now - T0) / 60_000} min`).not.toBeNull();
    }
    expect((await row(token))!.lastSeenAt).toBe(now - step);
    expect(await validateSession(t.db, token, ADDRESS, T0 + SESSION_ABSOLUTE_MS)).toBeNull();
    expect(await row(token)).toBeUndefined();
    expect(SESSION_ABSOLUTE_MS).toBeGreaterThan(SESSION_IDLE_MS);
  });

  it("writes lastSeenAt at most every SESSION_TOUCH_MS", async () => {
    await makeUser("office1");
    const token = await sessionOf("office1");
    expect(SESSION_TOUCH_MS).toBeLessThan(SESSION_IDLE_MS);
    await validateSession(t.db, token, ADDRESS, T0 + SESSION_TOUCH_MS - 1);
    expect((await row(token))!.lastSeenAt).toBe(T0);
    await validateSession(t.db, token, ADDRESS, T0 + SESSION_TOUCH_MS);
    expect((await row(token))!.lastSeenAt).toBe(T0 + SESSION_TOUCH_MS);
    await validateSession(t.db, token, ADDRESS, T0 + 2 * SESSION_TOUCH_MS - 1);
    expect((await row(token))!.lastSeenAt).toBe(T0 + SESSION_TOUCH_MS);
    await validateSession(t.db, token, ADDRESS, T0 + 2 * SESSION_TOUCH_MS + 5);
    expect((await row(token))!.lastSeenAt).toBe(T0 + 2 * SESSION_TOUCH_MS + 5);
    // Touching a session is bookkeeping: no audit row.
    expect(await t.db.$count(auditLog)).toBe(await t.db.$count(auditLog, eq(auditLog.action, "user.create")) + 1);
  });

  it("refuses the session of a disabled account and deletes it", async () => {
    const id = await makeUser("office1");
    const token = await sessionOf("office1");
    await t.db.update(users).set({ active: false }).where(eq(users.id, id));
    expect(await validateSession(t.db, token, ADDRESS, T0 + 1)).toBeNull();
    expect(await row(token)).toBeUndefined();
    // Enabled again, the account needs a new sign-in.
    await t.db.update(users).set({ active: true }).where(eq(users.id, id));
    expect(await validateSession(t.db, token, ADDRESS, T0 + 2)).toBeNull();
  });

  // write() holds the store's write lock (BEGIN IMMEDIATE) for its whole transaction. A page view in the
  // meantime reads on another pooled connection and, once a minute, writes lastSeenAt there.
  it("still admits a viewer whose session needs its touch while a write is in progress", async () => {
    await makeUser("office1");
    const token = await sessionOf("office1");
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const slow: WriteAction<z.ZodObject<{}>, null> = {
      name: "test.slow", input: z.object({}), allow: () => true,
      run: async (tx) => {
        await tx.insert(appMeta).values({ key: "slow", value: "1" });
        entered();
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { value: null, audit: { entityType: "test", summary: "慢操作" } };
      },
    };
    const writing = write(t.db, systemViewer("test"), slow, {});
    await inside;
    const v = await validateSession(t.db, token, ADDRESS, T0 + SESSION_TOUCH_MS).catch((error: Error) => error);
    expect(await writing).toMatchObject({ ok: true });
    expect(v).toMatchObject({ role: "office" });
    // The touch is bookkeeping: taken when the store is free, skipped (not failed) while a write holds it.
    expect([T0, T0 + SESSION_TOUCH_MS]).toContain((await row(token))!.lastSeenAt);
  });

  it("clears long-expired sessions of anyone when a new one opens", async () => {
    await makeUser("office1");
    await makeUser("boss", "leader");
    const old = await sessionOf("office1", T0);
    await sessionOf("boss", T0 + SESSION_IDLE_MS + 1);
    expect(await row(old)).toBeUndefined();
  });
});

describe("signOut", () => {
  it("deletes the session through the write path and audits it", async () => {
    const id = await makeUser("office1");
    const token = await sessionOf("office1");
    const other = await sessionOf("office1");
    const viewer = await validateSession(t.db, token, ADDRESS, T0 + 1);
    const outcome = await write(t.db, viewer!, signOut, {});
    expect(outcome).toEqual({ ok: true, value: null, repeated: false });
    expect(await row(token)).toBeUndefined();
    expect(await validateSession(t.db, token, ADDRESS, T0 + 2)).toBeNull();
    // Only this session ends.
    expect(await validateSession(t.db, other, ADDRESS, T0 + 2)).not.toBeNull();
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, "auth.sign_out"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: id, role: "office", entityId: String(id), summary: "退出登录" });
  });

  it("is refused to a viewer without a session", async () => {
    expect(await write(t.db, systemViewer("test"), signOut, {})).toMatchObject({ ok: false, status: 403 });
  });
});

describe("resetPassword", () => {
  it("ends every session of the user and no one else's", async () => {
    const id = await makeUser("samr", "department", { departmentId: city.departmentId });
    await makeUser("office1");
    const first = await sessionOf("samr");
    const second = await sessionOf("samr", T0 + 10);
    const bystander = await sessionOf("office1");
    const office = await validateSession(t.db, bystander, ADDRESS, T0 + 20);

    const outcome = await write(t.db, office!, resetPassword, { id, password: "Chongzhi#2026" });
    expect(outcome).toMatchObject({ ok: true });
    expect(await validateSession(t.db, first, ADDRESS, T0 + 30)).toBeNull();
    expect(await validateSession(t.db, second, ADDRESS, T0 + 30)).toBeNull();
    expect(await t.db.$count(sessions, eq(sessions.userId, id))).toBe(0);
    expect(await validateSession(t.db, bystander, ADDRESS, T0 + 30)).not.toBeNull();

    // The old password no longer signs in; the new one does.
    expect(await signIn(t.db, { username: "samr", password: PASSWORD }, { address: ADDRESS, userAgent: "" }, T0 + 40)).toMatchObject({ ok: false, reason: "invalid" });
    expect((await signIn(t.db, { username: "samr", password: "Chongzhi#2026" }, { address: "10.0.0.8", userAgent: "" }, T0 + 50)).ok).toBe(true);
  });

  it("unlocks a locked account", async () => {
    const id = await makeUser("samr", "department", { departmentId: city.departmentId });
    let now = T0;
    for (let failures = 0; failures < 10;) {
      const r = await signIn(t.db, { username: "samr", password: "Wrong#Pass1" }, { address: `10.1.0.${failures}`, userAgent: "" }, now);
      if (!r.ok && r.status === 429) {
        if (r.reason === "locked") break;
        now += r.waitMs;
        continue;
      }
      failures++;
      now += 1;
    }
    expect(await signIn(t.db, { username: "samr", password: PASSWORD }, { address: ADDRESS, userAgent: "" }, now)).toMatchObject({ ok: false, reason: "locked" });
    expect(await write(t.db, systemViewer("test"), resetPassword, { id, password: "Chongzhi#2026" })).toMatchObject({ ok: true });
    expect((await signIn(t.db, { username: "samr", password: "Chongzhi#2026" }, { address: ADDRESS, userAgent: "" }, now)).ok).toBe(true);
  });

  it("refuses a weak new password in Chinese and ends no session", async () => {
    const id = await makeUser("samr", "department", { departmentId: city.departmentId });
    const token = await sessionOf("samr");
    expect(await write(t.db, systemViewer("test"), resetPassword, { id, password: "short" })).toEqual({ ok: false, status: 422, message: "密码至少8位", fieldErrors: { password: "密码至少8位" } });
    expect(await validateSession(t.db, token, ADDRESS, T0 + 1)).not.toBeNull();
  });
});

describe("validateSession on several app servers", () => {
  it("remembers a validation for a second: a session ended elsewhere is refused after it, one ended here at once", async () => {
    await makeUser("office1", "office");
    const token = await sessionOf("office1");
    expect(await validateSession(t.db, token, ADDRESS, T0 + 10)).not.toBeNull();
    // Ended through another app server: this one's store row is gone, its memory not yet.
    await t.db.delete(sessions).where(eq(sessions.id, hashSecret(token)));
    expect(await validateSession(t.db, token, ADDRESS, T0 + 500)).not.toBeNull();
    expect(await validateSession(t.db, token, ADDRESS, T0 + 1_010)).toBeNull();

    const other = await sessionOf("office1", T0 + 2_000);
    expect(await validateSession(t.db, other, ADDRESS, T0 + 2_010)).not.toBeNull();
    expect(await write(t.db, (await validateSession(t.db, other, ADDRESS, T0 + 2_020))!, signOut, {})).toMatchObject({ ok: true });
    expect(await validateSession(t.db, other, ADDRESS, T0 + 2_030)).toBeNull();
  });
});
