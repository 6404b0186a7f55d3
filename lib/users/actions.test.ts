import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog, sessions, signInThrottle, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { openSession, viewerOf } from "@/lib/auth/sessions";
import { systemViewer, type Viewer } from "@/lib/auth/viewer";
import { write } from "@/lib/write";
import { makeCity, type TestCity } from "@/tests/support/factories";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { changeOwnPassword, createUser, resetPassword, updateUser } from "./actions";

let t: TestDb;
let city: TestCity;
const system = systemViewer("测试");
const PASSWORD = "Start-2026";

beforeEach(async () => {
  t = await createTestDb();
  city = await makeCity(t.db);
});
afterEach(() => t.cleanup());

async function addUser(fields: Record<string, unknown>): Promise<number> {
  const outcome = await write(t.db, system, createUser, { password: PASSWORD, departmentId: null, districtId: null, ...fields });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value.id;
}

async function viewerFor(id: number, sessionId: string | null = null): Promise<Viewer> {
  const [u] = await t.db.select().from(users).where(eq(users.id, id));
  return viewerOf(u!, sessionId, "10.0.0.1");
}

const openSessionFor = (userId: number) => t.db.transaction((tx) => openSession(tx, userId, { address: "10.0.0.1", userAgent: "test" }));

describe("createUser", () => {
  it("creates an account with a hashed password and an audit row", async () => {
    const id = await addUser({ username: "admin", displayName: "市信用办", role: "office" });
    const [u] = await t.db.select().from(users).where(eq(users.id, id));
    expect(u).toMatchObject({ username: "admin", displayName: "市信用办", role: "office", active: true, departmentId: null, districtId: null });
    expect(u!.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(u!.passwordHash, PASSWORD)).toBe(true);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, "user.create"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "user", entityId: String(id), actor: "测试（system）" });
    expect(audit[0]!.after).not.toContain(PASSWORD);
  });

  it("refuses a taken account name beside the field", async () => {
    await addUser({ username: "admin", displayName: "市信用办", role: "office" });
    const again = await write(t.db, system, createUser, { username: "admin", displayName: "另一个", role: "leader", password: PASSWORD });
    expect(again).toMatchObject({ ok: false, status: 409, fieldErrors: { username: "该账号已存在" } });
  });

  it("asks a 部门 account for an existing department and a 区县 account for a district", async () => {
    const base = { displayName: "某单位", password: PASSWORD };
    expect(await write(t.db, system, createUser, { ...base, username: "d1", role: "department" }))
      .toMatchObject({ ok: false, status: 422, fieldErrors: { departmentId: "请选择所属部门" } });
    expect(await write(t.db, system, createUser, { ...base, username: "d1", role: "department", departmentId: 9999 }))
      .toMatchObject({ ok: false, fieldErrors: { departmentId: "所选部门不存在" } });
    const town = city.districts[0]!.townIds[0]!;
    expect(await write(t.db, system, createUser, { ...base, username: "q1", role: "district", districtId: String(town) }))
      .toMatchObject({ ok: false, fieldErrors: { districtId: "所选区县不存在" } });
    const dep = await addUser({ ...base, username: "d1", role: "department", departmentId: String(city.departmentId) });
    const dis = await addUser({ ...base, username: "q1", role: "district", districtId: String(city.districts[1]!.id) });
    // A scope the role does not use is not kept.
    const lead = await addUser({ ...base, username: "lead", role: "leader", departmentId: city.departmentId });
    const rows = await t.db.select().from(users);
    expect(rows.find((u) => u.id === dep)).toMatchObject({ departmentId: city.departmentId, districtId: null });
    expect(rows.find((u) => u.id === dis)).toMatchObject({ departmentId: null, districtId: city.districts[1]!.id });
    expect(rows.find((u) => u.id === lead)).toMatchObject({ departmentId: null, districtId: null });
  });

  it("refuses weak passwords, malformed names, and anyone but the office", async () => {
    expect(await write(t.db, system, createUser, { username: "weak", displayName: "某", role: "leader", password: "abcdefgh" }))
      .toMatchObject({ ok: false, status: 422, fieldErrors: { password: "密码须包含字母、数字、符号中的至少两类" } });
    expect(await write(t.db, system, createUser, { username: "张三", displayName: "", role: "boss", password: PASSWORD }))
      .toMatchObject({ ok: false, status: 422, fieldErrors: { username: expect.stringContaining("账号只能由"), displayName: "请填写姓名或单位", role: expect.any(String) } });
    const lead = await viewerFor(await addUser({ username: "lead", displayName: "领导", role: "leader" }));
    expect(await write(t.db, lead, createUser, { username: "x1", displayName: "某", role: "leader", password: PASSWORD }))
      .toMatchObject({ ok: false, status: 403, message: "只有信用办可以管理账号" });
  });

  it("creates once when the same form is submitted twice", async () => {
    const input = { username: "twice", displayName: "某", role: "leader", password: PASSWORD };
    const first = await write(t.db, system, createUser, input, { submissionKey: "k-1" });
    const second = await write(t.db, system, createUser, input, { submissionKey: "k-1" });
    expect(first).toMatchObject({ ok: true, repeated: false });
    expect(second).toMatchObject({ ok: true, repeated: true, value: first.ok ? first.value : null });
    expect(await t.db.select().from(users).where(eq(users.username, "twice"))).toHaveLength(1);
  });
});

describe("updateUser", () => {
  it("keeps at least one active 信用办 account, and no one demotes or disables themselves", async () => {
    const admin = await addUser({ username: "admin", displayName: "甲", role: "office" });
    const ops = await addUser({ username: "ops", displayName: "乙", role: "office" });
    const asAdmin = await viewerFor(admin);
    const edit = (id: number, fields: Record<string, unknown>) => ({ id, displayName: "某", role: "office", active: "on", ...fields });

    expect(await write(t.db, asAdmin, updateUser, edit(admin, { role: "leader" })))
      .toMatchObject({ ok: false, status: 409, message: "不能停用自己的账号或取消自己的信用办角色" });
    expect(await write(t.db, asAdmin, updateUser, edit(ops, { active: "" }))).toMatchObject({ ok: true });
    // The command line (no account of its own) meets the last-office rule too.
    expect(await write(t.db, system, updateUser, edit(admin, { active: "" })))
      .toMatchObject({ ok: false, status: 409, message: "这是最后一个可用的信用办账号，不能停用或改变其角色" });
    expect(await write(t.db, system, updateUser, edit(admin, { role: "leader" }))).toMatchObject({ ok: false, status: 409 });
    const [row] = await t.db.select().from(users).where(eq(users.id, admin));
    expect(row).toMatchObject({ role: "office", active: true });
  });

  it("ends the sessions of an account whose role changes or that is disabled, and records before and after", async () => {
    const lead = await addUser({ username: "lead", displayName: "领导", role: "leader" });
    await openSessionFor(lead);
    const outcome = await write(t.db, system, updateUser, { id: lead, displayName: "某局", role: "department", departmentId: city.departmentId, active: "on" });
    expect(outcome).toMatchObject({ ok: true });
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, lead))).toHaveLength(0);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "user.update"));
    expect(JSON.parse(audit!.before!)).toMatchObject({ role: "leader", displayName: "领导" });
    expect(JSON.parse(audit!.after!)).toMatchObject({ role: "department", departmentId: city.departmentId });
  });

  it("answers 404 for an account that does not exist", async () => {
    expect(await write(t.db, system, updateUser, { id: 4242, displayName: "某", role: "leader", active: "on" })).toMatchObject({ ok: false, status: 404 });
  });
});

describe("resetPassword", () => {
  it("sets the new password, ends every session of the account and lifts its sign-in lock", async () => {
    const admin = await viewerFor(await addUser({ username: "admin", displayName: "甲", role: "office" }));
    const dep = await addUser({ username: "dep", displayName: "某局", role: "department", departmentId: city.departmentId });
    await openSessionFor(dep);
    await openSessionFor(dep);
    await t.db.insert(signInThrottle).values({ key: "account:dep", failures: 10, lastFailureAt: Date.now(), lockedUntil: Date.now() + 3_600_000 });

    expect(await write(t.db, admin, resetPassword, { id: dep, password: "short" })).toMatchObject({ ok: false, fieldErrors: { password: "密码至少8位" } });
    expect(await write(t.db, admin, resetPassword, { id: dep, password: "New-pass-2026" })).toMatchObject({ ok: true });

    expect(await t.db.select().from(sessions).where(eq(sessions.userId, dep))).toHaveLength(0);
    expect(await t.db.select().from(signInThrottle).where(eq(signInThrottle.key, "account:dep"))).toHaveLength(0);
    const [u] = await t.db.select().from(users).where(eq(users.id, dep));
    expect(await verifyPassword(u!.passwordHash, "New-pass-2026")).toBe(true);
    expect(await verifyPassword(u!.passwordHash, PASSWORD)).toBe(false);
  });
});

describe("changeOwnPassword", () => {
  it("refuses a wrong current password and a mistyped confirmation, each beside its field", async () => {
    const me = await viewerFor(await addUser({ username: "lead", displayName: "领导", role: "leader" }));
    expect(await write(t.db, me, changeOwnPassword, { current: "Wrong-2026", password: "Next-pass-1", confirm: "Next-pass-1" }))
      .toMatchObject({ ok: false, status: 422, fieldErrors: { current: "当前密码不正确" } });
    expect(await write(t.db, me, changeOwnPassword, { current: PASSWORD, password: "Next-pass-1", confirm: "Next-pass-2" }))
      .toMatchObject({ ok: false, status: 422, fieldErrors: { confirm: "两次填写的新密码不一致" } });
    expect(await write(t.db, me, changeOwnPassword, { current: PASSWORD, password: PASSWORD, confirm: PASSWORD }))
      .toMatchObject({ ok: false, fieldErrors: { password: "新密码不能与当前密码相同" } });
    const [u] = await t.db.select().from(users).where(eq(users.id, me.userId!));
    expect(await verifyPassword(u!.passwordHash, PASSWORD)).toBe(true);
  });

  it("changes the password and ends the person's other sessions, keeping this one", async () => {
    const id = await addUser({ username: "lead", displayName: "领导", role: "leader" });
    await openSessionFor(id);
    await openSessionFor(id);
    const [current] = await t.db.select().from(sessions).where(eq(sessions.userId, id));
    const me = await viewerFor(id, current!.id);
    expect(await write(t.db, me, changeOwnPassword, { current: PASSWORD, password: "Next-pass-1", confirm: "Next-pass-1" })).toMatchObject({ ok: true });
    expect((await t.db.select().from(sessions).where(eq(sessions.userId, id))).map((s) => s.id)).toEqual([current!.id]);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "user.change_own_password"));
    expect(audit).toMatchObject({ userId: id, summary: "修改本人密码", address: "10.0.0.1" });
  });
});
