import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { apiTokens, auditLog, departments, writeReceipts, type Role } from "@/db/schema";
import { write } from "@/lib/write";
import { makeCity, type TestCity } from "@/tests/support/factories";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { hashSecret } from "./sessions";
import { issueToken, revokeToken, TOKEN_PREFIX, viewerOfToken } from "./tokens";
import { systemViewer, type Viewer } from "./viewer";

let t: TestDb;
let city: TestCity;
beforeEach(async () => {
  t = await createTestDb();
  city = await makeCity(t.db, ["甲区"]);
});
afterEach(() => {
  vi.useRealTimers();
  t.cleanup();
});

const office = systemViewer("test");
const ADDRESS = "10.0.0.5";

function viewer(role: Role, scope: { departmentId?: number; districtId?: number } = {}): Viewer {
  return {
    userId: 42, tokenId: null, username: "someone", displayName: "某人", role, sessionId: "s", address: ADDRESS,
    departmentId: scope.departmentId ?? null, districtId: scope.districtId ?? null,
  };
}

async function issue(name = "业务系统自动报送", departmentId = city.departmentId) {
  const outcome = await write(t.db, office, issueToken, { departmentId, name });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

describe("API tokens", () => {
  it("shows a new token once and keeps only its hash", async () => {
    const { id, token } = await issue();
    expect(token.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(token.length).toBeGreaterThan(TOKEN_PREFIX.length + 40);
    const [stored] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(stored).toMatchObject({ departmentId: city.departmentId, name: "业务系统自动报送", tokenHash: hashSecret(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6), revokedAt: null, lastUsedAt: null });
    // Nothing anywhere in the store holds the token itself.
    const everything = JSON.stringify([await t.db.select().from(apiTokens), await t.db.select().from(auditLog), await t.db.select().from(writeReceipts)]);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.slice(TOKEN_PREFIX.length));

    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "token.issue"));
    expect(audit).toMatchObject({ entityType: "api_token", entityId: String(id), departmentId: city.departmentId, summary: "发放接口令牌“业务系统自动报送”" });

    // Two tokens never share a secret.
    expect((await issue("第二个")).token).not.toBe(token);
  });

  // A form's submission key makes the write path keep the action's result in write_receipts, to answer a
  // repeated submission. For issueToken that result is the token itself.
  it("keeps only the hash even when the token is issued from a form with a submission key", async () => {
    const first = await write(t.db, office, issueToken, { departmentId: city.departmentId, name: "报送" }, { submissionKey: "form-1" });
    if (!first.ok) throw new Error(first.message);
    const { token } = first.value;
    const receipts = JSON.stringify(await t.db.select().from(writeReceipts));
    expect(receipts).not.toContain(token.slice(TOKEN_PREFIX.length));
    // A repeated submission does not show the token a second time either.
    const again = await write(t.db, office, issueToken, { departmentId: city.departmentId, name: "报送" }, { submissionKey: "form-1" });
    expect(JSON.stringify(again)).not.toContain(token.slice(TOKEN_PREFIX.length));
    expect(await t.db.$count(apiTokens)).toBe(1);
  });

  it("stands for a 部门 viewer of its department", async () => {
    const { id, token } = await issue();
    const [dep] = await t.db.select().from(departments).where(eq(departments.id, city.departmentId));
    const v = await viewerOfToken(t.db, token, ADDRESS);
    expect(v).toEqual({
      userId: null, tokenId: id, username: `token:${token.slice(0, TOKEN_PREFIX.length + 6)}`, displayName: `${dep!.shortName}·业务系统自动报送`,
      role: "department", departmentId: city.departmentId, districtId: null, sessionId: null, address: ADDRESS,
    });
    const [stored] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(stored!.lastUsedAt).not.toBeNull();
  });

  it("knows no token it did not issue", async () => {
    const { token } = await issue();
    expect(await viewerOfToken(t.db, token.slice(TOKEN_PREFIX.length), ADDRESS)).toBeNull();
    expect(await viewerOfToken(t.db, `${token}x`, ADDRESS)).toBeNull();
    expect(await viewerOfToken(t.db, `${TOKEN_PREFIX}${"a".repeat(43)}`, ADDRESS)).toBeNull();
    expect(await viewerOfToken(t.db, hashSecret(token), ADDRESS)).toBeNull();
    expect(await viewerOfToken(t.db, `${TOKEN_PREFIX}${"a".repeat(300)}`, ADDRESS)).toBeNull();
    expect(await viewerOfToken(t.db, "", ADDRESS)).toBeNull();
  });

  it("refuses a revoked token, and a second revocation with 409", async () => {
    const { id, token } = await issue();
    const other = await issue("另一个系统");
    expect(await write(t.db, office, revokeToken, { id })).toEqual({ ok: true, value: null, repeated: false });
    expect(await viewerOfToken(t.db, token, ADDRESS)).toBeNull();
    expect(await viewerOfToken(t.db, other.token, ADDRESS)).not.toBeNull();
    expect(await write(t.db, office, revokeToken, { id })).toEqual({ ok: false, status: 409, message: "该令牌已吊销", fieldErrors: {} });
    expect(await write(t.db, office, revokeToken, { id: 9999 })).toMatchObject({ ok: false, status: 404, message: "该令牌不存在" });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, "token.revoke"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityId: String(id), departmentId: city.departmentId, summary: "吊销接口令牌“业务系统自动报送”" });
  });

  it("lets only 信用办 issue or revoke tokens", async () => {
    const { id } = await issue();
    const others = [viewer("leader"), viewer("department", { departmentId: city.departmentId }), viewer("district", { districtId: city.districts[0]!.id })];
    for (const v of others) {
      expect(await write(t.db, v, issueToken, { departmentId: city.departmentId, name: "越权" }), v.role).toEqual({ ok: false, status: 403, message: "只有信用办可以发放接口令牌", fieldErrors: {} });
      expect(await write(t.db, v, revokeToken, { id }), v.role).toEqual({ ok: false, status: 403, message: "只有信用办可以吊销接口令牌", fieldErrors: {} });
    }
    // A token's own viewer (a 部门) cannot issue more tokens.
    const tokenViewer = await viewerOfToken(t.db, (await issue("自动")).token, ADDRESS);
    expect(await write(t.db, tokenViewer!, issueToken, { departmentId: city.departmentId, name: "自己发" })).toMatchObject({ ok: false, status: 403 });
    expect(await t.db.$count(apiTokens)).toBe(2);
  });

  it("refuses an unknown department or a missing name with Chinese field errors", async () => {
    expect(await write(t.db, office, issueToken, { departmentId: 9999, name: "报送" }))
      .toEqual({ ok: false, status: 422, message: "所选部门不存在", fieldErrors: { departmentId: "所选部门不存在" } });
    expect(await write(t.db, office, issueToken, { departmentId: "", name: " " }))
      .toMatchObject({ ok: false, status: 422, fieldErrors: { departmentId: "请选择部门", name: "请填写用途，例如“业务系统自动报送”" } });
    expect(await write(t.db, office, issueToken, {}))
      .toMatchObject({ ok: false, status: 422, fieldErrors: { name: "请填写用途" } });
    expect(await t.db.$count(apiTokens)).toBe(0);
  });

  it("notes a token's use at most once a day", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-24T14:00:00+08:00"));
    const { id, token } = await issue();
    await viewerOfToken(t.db, token, ADDRESS);
    const lastUsed = async () => (await t.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!.lastUsedAt;
    const first = await lastUsed();
    expect(first).not.toBeNull();
    vi.setSystemTime(new Date("2026-11-24T23:00:00+08:00"));
    await viewerOfToken(t.db, token, ADDRESS);
    expect(await lastUsed()).toBe(first);
    vi.setSystemTime(new Date("2026-11-25T09:00:00+08:00"));
    await viewerOfToken(t.db, token, ADDRESS);
    expect(await lastUsed()).not.toBe(first);
  });

  // Departments' systems report at night. lastUsedAt is a UTC timestamp but "today" is China's date, so
  // between 00:00 and 08:00 China time the two dates never agree and every request writes lastUsedAt.
  it("notes a token's use at most once a day in the small hours too", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-25T01:00:00+08:00"));
    const { id, token } = await issue();
    await viewerOfToken(t.db, token, ADDRESS);
    const lastUsed = async () => (await t.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!.lastUsedAt;
    const first = await lastUsed();
    vi.setSystemTime(new Date("2026-11-25T02:30:00+08:00"));
    await viewerOfToken(t.db, token, ADDRESS);
    expect(await lastUsed()).toBe(first);
  });
});
