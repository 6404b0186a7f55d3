import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog, sessions, signInThrottle, users, type Role } from "@/db/schema";
import { createUser } from "@/lib/users/actions";
import { write } from "@/lib/write";
import { makeCity } from "@/tests/support/factories";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { validateSession } from "./sessions";
import { signIn, type SignInResult } from "./sign-in";
import { ACCOUNT_LOCK_AFTER, ADDRESS_LOCK_AFTER, FREE_FAILURES, LOCK_MS } from "./throttle-policy";
import { systemViewer } from "./viewer";

let t: TestDb;
beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.cleanup());

const T0 = Date.UTC(2026, 10, 24, 2, 0, 0);
const PASSWORD = "Xinyong#2026";
const WRONG = "Wrong#Pass1";
const HOME = { address: "10.0.0.1", userAgent: "Mozilla/5.0 测试" };
const ELSEWHERE = { address: "10.0.0.2", userAgent: "Mozilla/5.0 测试" };

async function makeUser(username: string, role: Role = "office", scope: { departmentId?: number; districtId?: number } = {}) {
  const outcome = await write(t.db, systemViewer("test"), createUser, {
    username, password: PASSWORD, displayName: `测试${username}`, role, departmentId: scope.departmentId ?? null, districtId: scope.districtId ?? null,
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value.id;
}

const attempt = (username: string, password: string, meta = HOME, now = T0) => signIn(t.db, { username, password }, meta, now);

/** Fails `count` times as the throttle allows (waiting whenever told to); returns the time after the last failure. */
async function failTimes(count: number, username: string, meta = HOME, start = T0): Promise<number> {
  let now = start;
  for (let done = 0; done < count;) {
    const r = await attempt(username, WRONG, meta, now);
    if (!r.ok && r.status === 429) {
      if (r.reason === "locked") throw new Error(`locked after ${done} failures`);
      now += r.waitMs;
      continue;
    }
    expect(r).toMatchObject({ ok: false, status: 401, reason: "invalid" });
    done++;
    now += 1;
  }
  return now;
}

const throttleRow = async (key: string) => (await t.db.select().from(signInThrottle).where(eq(signInThrottle.key, key)))[0];
const auditOf = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action));

function failed(r: SignInResult) {
  if (r.ok) throw new Error("expected a refusal");
  return r;
}

describe("signIn", () => {
  it("refuses a wrong password with 401 and records the failure as an anonymous audit row", async () => {
    await makeUser("zhangsan");
    const r = await attempt("zhangsan", WRONG);
    expect(r).toEqual({ ok: false, status: 401, reason: "invalid", waitMs: 0, message: "账号或密码错误" });
    const rows = await auditOf("auth.sign_in_failed");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ role: "anonymous", userId: null, address: HOME.address, entityType: "session", summary: "登录失败" });
    expect(rows[0]!.actor).toContain("zhangsan");
    expect(await throttleRow("account:zhangsan")).toMatchObject({ failures: 1, lastFailureAt: T0, lockedUntil: null });
    expect(await throttleRow(`address:${HOME.address}`)).toMatchObject({ failures: 1, lastFailureAt: T0, lockedUntil: null });
    expect(await t.db.$count(sessions)).toBe(0);
  });

  it("gives an unknown account exactly the answer a wrong password gets", async () => {
    await makeUser("zhangsan");
    const wrongPassword = await attempt("zhangsan", WRONG, HOME);
    const unknown = await attempt("nobody", WRONG, ELSEWHERE);
    expect(unknown).toEqual(wrongPassword);
    expect((await auditOf("auth.sign_in_failed")).map((r) => r.role)).toEqual(["anonymous", "anonymous"]);
  });

  it("refuses missing input with 422 and records nothing", async () => {
    const r = await signIn(t.db, { username: "  ", password: "" }, HOME, T0);
    expect(r).toMatchObject({ ok: false, status: 422, reason: "input", message: "请输入账号和密码" });
    expect(await signIn(t.db, {}, HOME, T0)).toMatchObject({ status: 422, reason: "input" });
    expect(await signIn(t.db, null, HOME, T0)).toMatchObject({ status: 422, reason: "input" });
    expect(await t.db.$count(auditLog)).toBe(0);
    expect(await t.db.$count(signInThrottle)).toBe(0);
  });

  it("throttles after the free failures even with the right password, and lets in after the wait", async () => {
    await makeUser("zhangsan");
    for (let i = 0; i < FREE_FAILURES; i++) expect(await attempt("zhangsan", WRONG, HOME, T0 + i)).toMatchObject({ status: 401, reason: "invalid" });
    const last = T0 + FREE_FAILURES - 1;

    const throttled = failed(await attempt("zhangsan", PASSWORD, HOME, last + 1));
    expect(throttled).toMatchObject({ status: 429, reason: "throttled", waitMs: 999 });
    expect(throttled.message).toBe("登录失败次数较多，请1秒后再试");
    // A throttled attempt checks no password and counts as no failure.
    expect((await throttleRow("account:zhangsan"))!.failures).toBe(FREE_FAILURES);
    expect(await auditOf("auth.sign_in_failed")).toHaveLength(FREE_FAILURES);

    // A different address does not help: the account itself is throttled.
    expect(await attempt("zhangsan", PASSWORD, ELSEWHERE, last + 500)).toMatchObject({ status: 429, reason: "throttled", waitMs: 500 });

    const ok = await attempt("zhangsan", PASSWORD, HOME, last + 1000);
    expect(ok.ok).toBe(true);
  });

  it("doubles the wait with every further failure", async () => {
    await makeUser("zhangsan");
    let now = await failTimes(FREE_FAILURES, "zhangsan");
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = failed(await attempt("zhangsan", WRONG, HOME, now));
      expect(r.status).toBe(429);
      waits.push(r.waitMs + 1);
      now += r.waitMs;
      expect(await attempt("zhangsan", WRONG, HOME, now)).toMatchObject({ status: 401 });
      now += 1;
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
  });

  it("locks the account after ACCOUNT_LOCK_AFTER failures, from any address, until LOCK_MS has passed", async () => {
    await makeUser("zhangsan");
    const after = await failTimes(ACCOUNT_LOCK_AFTER, "zhangsan");
    const lastFailure = after - 1;
    expect(await throttleRow("account:zhangsan")).toMatchObject({ failures: ACCOUNT_LOCK_AFTER, lockedUntil: lastFailure + LOCK_MS });

    const fromNewAddress = failed(await attempt("zhangsan", PASSWORD, { address: "192.168.9.9", userAgent: "其他" }, after));
    expect(fromNewAddress).toMatchObject({ status: 429, reason: "locked", waitMs: LOCK_MS - 1 });
    expect(fromNewAddress.message).toBe("登录失败次数过多，已暂时锁定，请15分钟后再试，或联系信用办重置密码");
    expect(await attempt("zhangsan", PASSWORD, HOME, lastFailure + LOCK_MS - 1)).toMatchObject({ status: 429, reason: "locked", waitMs: 1 });

    // Other accounts from the same address are not locked by it.
    await makeUser("lisi");
    expect((await attempt("lisi", PASSWORD, { address: "192.168.9.9", userAgent: "其他" }, after)).ok).toBe(true);

    expect((await attempt("zhangsan", PASSWORD, { address: "192.168.9.9", userAgent: "其他" }, lastFailure + LOCK_MS)).ok).toBe(true);
  });

  it("locks an address after ADDRESS_LOCK_AFTER failures across different accounts", async () => {
    await makeUser("zhangsan");
    let now = T0;
    for (let i = 0; i < ADDRESS_LOCK_AFTER; i++) now = await failTimes(1, `guess${i}`, HOME, now);
    const lastFailure = now - 1;
    expect(await throttleRow(`address:${HOME.address}`)).toMatchObject({ failures: ADDRESS_LOCK_AFTER, lockedUntil: lastFailure + LOCK_MS });
    // No single account reached its own limit …
    expect((await throttleRow("account:guess0"))!.failures).toBe(1);
    // … yet the address is locked for an account it never tried, even with the right password.
    expect(await attempt("zhangsan", PASSWORD, HOME, now)).toMatchObject({ ok: false, status: 429, reason: "locked" });
    // The same account from another address signs in.
    expect((await attempt("zhangsan", PASSWORD, ELSEWHERE, now)).ok).toBe(true);
  });

  it("refuses a disabled account, saying so only to someone who knows its password", async () => {
    const id = await makeUser("zhangsan");
    await t.db.update(users).set({ active: false }).where(eq(users.id, id));
    expect(await attempt("zhangsan", PASSWORD)).toEqual({ ok: false, status: 401, reason: "disabled", waitMs: 0, message: "该账号已停用，请联系信用办" });
    expect(await attempt("zhangsan", WRONG, HOME, T0 + 1)).toMatchObject({ status: 401, reason: "invalid" });
    expect(await t.db.$count(sessions)).toBe(0);
    expect(await auditOf("auth.sign_in")).toHaveLength(0);
  });

  it("opens a session on success: a token for the cookie, an audit row, the account's failures cleared", async () => {
    const city = await makeCity(t.db, ["甲区"]);
    const id = await makeUser("samr", "department", { departmentId: city.departmentId });
    await failTimes(2, "samr");

    const r = await attempt("  samr ", PASSWORD, HOME, T0 + 10);
    if (!r.ok) throw new Error(r.message);
    expect(r.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.viewer).toMatchObject({ userId: id, username: "samr", role: "department", departmentId: city.departmentId, districtId: null, address: HOME.address });

    const audit = await auditOf("auth.sign_in");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: id, role: "department", address: HOME.address, entityType: "session", entityId: String(id), departmentId: city.departmentId, summary: "登录" });

    expect(await throttleRow("account:samr")).toBeUndefined();
    // The address keeps its count: other accounts tried from it are not forgiven.
    expect((await throttleRow(`address:${HOME.address}`))!.failures).toBe(2);

    expect(await validateSession(t.db, r.token, HOME.address, T0 + 10)).toMatchObject({ userId: id, role: "department" });
  });

  it("stores the SHA-256 of the session token, never the token", async () => {
    const id = await makeUser("zhangsan");
    const r = await attempt("zhangsan", PASSWORD);
    if (!r.ok) throw new Error(r.message);
    const rows = await t.db.select().from(sessions);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: createHash("sha256").update(r.token).digest("hex"), userId: id, createdAt: T0, lastSeenAt: T0,
      address: HOME.address, userAgent: HOME.userAgent,
    });
    expect(rows[0]!.id).not.toBe(r.token);
    const everything = JSON.stringify([rows, await t.db.select().from(auditLog), await t.db.select().from(signInThrottle)]);
    expect(everything).not.toContain(r.token);
  });

  it("keeps failures of one account apart from another's", async () => {
    await makeUser("zhangsan");
    await makeUser("lisi");
    await failTimes(ACCOUNT_LOCK_AFTER - 1, "zhangsan", HOME);
    expect(await throttleRow("account:lisi")).toBeUndefined();
    expect((await throttleRow("account:zhangsan"))!.failures).toBe(ACCOUNT_LOCK_AFTER - 1);
    // lisi, tried from another address, is neither throttled nor locked by zhangsan's failures.
    expect((await attempt("lisi", PASSWORD, ELSEWHERE, T0)).ok).toBe(true);
  });

  // The throttle is read before the password is checked and written after, outside the write queue, so
  // attempts made at the same moment all see "no failures yet" and every one of them gets a password check.
  it("checks no more than FREE_FAILURES passwords when many attempts arrive at the same moment", async () => {
    await makeUser("zhangsan");
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt("zhangsan", `${WRONG}${i}`, HOME, T0)));
    const checked = results.filter((r) => !r.ok && r.status === 401).length;
    expect(checked).toBeLessThanOrEqual(FREE_FAILURES);
    expect(results.filter((r) => !r.ok && r.status === 429)).toHaveLength(20 - checked);
  });
});
