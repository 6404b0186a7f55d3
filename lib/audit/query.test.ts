import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { viewerOf } from "@/lib/auth/sessions";
import { issueToken } from "@/lib/auth/tokens";
import { systemViewer, type Viewer } from "@/lib/auth/viewer";
import { changeOwnPassword, createUser, resetPassword } from "@/lib/users/actions";
import { write, type WriteAction, type z } from "@/lib/write";
import { makeCity, type TestCity } from "@/tests/support/factories";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { actionLabel, chinaDayStartUtc, chinaTime, entityLabel } from "./labels";
import { auditFilterOptions, auditPage, auditRows, countAudit, describeAuditFilters, parseAuditFilters, type AuditFilters } from "./query";
import { auditWorkbook } from "./workbook";

let t: TestDb;
let city: TestCity;
let office: Viewer;
let dep: Viewer;

/** Runs a write as if it happened at `iso` (UTC), so the rows fall on known China days. */
async function writeAt<S extends z.ZodType, R>(iso: string, viewer: Viewer, action: WriteAction<S, R>, input: unknown): Promise<R> {
  vi.setSystemTime(new Date(iso));
  const outcome = await write(t.db, viewer, action, input);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

const viewerFor = async (id: number) => viewerOf((await t.db.select().from(users).where(eq(users.id, id)))[0]!, null, "10.1.1.1");
const all = (f: Partial<AuditFilters>) => auditRows(t.db, { page: 1, ...f }, { limit: 1000 });

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  t = await createTestDb();
  city = await makeCity(t.db);
  const system = systemViewer("测试");
  // 2026-03-01 09:00 China time: the command line creates the office account and a department account.
  const officeId = (await writeAt("2026-03-01T01:00:00.000Z", system, createUser, { username: "admin", displayName: "市信用办", role: "office", password: "Start-2026" })).id;
  const depId = (await writeAt("2026-03-01T01:05:00.000Z", system, createUser, { username: "dep", displayName: "测试局", role: "department", departmentId: city.departmentId, password: "Start-2026" })).id;
  office = await viewerFor(officeId);
  dep = await viewerFor(depId);
  // 2026-03-01 23:30 China time (still 1 March there, 15:30 UTC).
  await writeAt("2026-03-01T15:30:00.000Z", office, issueToken, { departmentId: city.departmentId, name: "业务系统自动报送" });
  // 2026-03-02 00:30 China time (16:30 UTC on 1 March).
  await writeAt("2026-03-01T16:30:00.000Z", office, resetPassword, { id: depId, password: "Reset-2026" });
  // 2026-03-05 10:00 China time: the department changes its own password.
  await writeAt("2026-03-05T02:00:00.000Z", dep, changeOwnPassword, { current: "Reset-2026", password: "Mine-2026", confirm: "Mine-2026" });
  vi.useRealTimers();
});
afterAll(() => t.cleanup());

describe("the audit query", () => {
  it("lists newest first", async () => {
    const rows = await all({});
    expect(rows.map((r) => r.action)).toEqual(["user.change_own_password", "user.reset_password", "token.issue", "user.create", "user.create"]);
    expect(await countAudit(t.db, { page: 1 })).toBe(5);
  });

  it("filters by the acting account", async () => {
    expect((await all({ userId: office.userId! })).map((r) => r.action)).toEqual(["user.reset_password", "token.issue"]);
    expect((await all({ userId: dep.userId! })).map((r) => r.action)).toEqual(["user.change_own_password"]);
  });

  it("filters by department: the token issued to it and its own account's changes", async () => {
    const rows = await all({ departmentId: city.departmentId });
    // Its account's creation and password reset by the office count as its too.
    expect(rows.map((r) => r.action)).toEqual(["user.change_own_password", "user.reset_password", "token.issue", "user.create"]);
    expect(rows.every((r) => r.departmentName === "测试局")).toBe(true);
  });

  it("filters by action", async () => {
    expect(await all({ action: "user.create" })).toHaveLength(2);
    expect(await all({ action: "no.such_action" })).toHaveLength(0);
  });

  it("reads the date range as China calendar days, both ends included", async () => {
    expect((await all({ from: "2026-03-01", to: "2026-03-01" })).map((r) => r.action)).toEqual(["token.issue", "user.create", "user.create"]);
    expect((await all({ from: "2026-03-02", to: "2026-03-02" })).map((r) => r.action)).toEqual(["user.reset_password"]);
    expect((await all({ from: "2026-03-02" })).map((r) => r.action)).toEqual(["user.change_own_password", "user.reset_password"]);
    expect((await all({ to: "2026-03-04" }))).toHaveLength(4);
    expect((await all({ from: "2026-03-01", to: "2026-03-05", userId: office.userId!, action: "token.issue" }))).toHaveLength(1);
  });

  it("pages by 50 and shows the last page when asked past the end", async () => {
    const page = await auditPage(t.db, { page: 9 });
    expect(page).toMatchObject({ total: 5, page: 1, pageCount: 1 });
    expect(page.rows).toHaveLength(5);
  });

  it("offers every account, department and action in the filters, with Chinese labels", async () => {
    const options = await auditFilterOptions(t.db);
    expect(options.accounts.map((a) => a.username)).toEqual(["admin", "dep"]);
    expect(options.departments).toEqual([{ id: city.departmentId, name: "测试局" }]);
    expect(options.actions).toContainEqual({ name: "token.issue", label: "发放令牌" });
    expect(await describeAuditFilters(t.db, { page: 1, userId: office.userId!, action: "token.issue", from: "2026-03-01", to: "2026-03-02" }))
      .toBe("操作人：市信用办（admin）；操作：发放令牌；日期 2026-03-01 至 2026-03-02");
  });
});

describe("audit filter parameters", () => {
  it("keeps the well-formed ones", () => {
    expect(parseAuditFilters({ user: "3", department: "2", action: "user.create", from: "2026-03-01", to: "2026-03-31", page: "2" }))
      .toEqual({ filters: { userId: 3, departmentId: 2, action: "user.create", from: "2026-03-01", to: "2026-03-31", page: 2 }, problems: [] });
    expect(parseAuditFilters({ user: "", action: "" })).toEqual({ filters: { page: 1 }, problems: [] });
  });

  it("drops malformed ones and says why, in Chinese, never throwing", () => {
    const { filters, problems } = parseAuditFilters({ user: "abc", department: "-1", action: "<script>", from: "2026-02-30", to: "yesterday", page: "0" });
    expect(filters).toEqual({ page: 1 });
    expect(problems).toEqual([
      "操作人参数无效，已忽略", "部门参数无效，已忽略", "操作类型参数无效，已忽略",
      "起始日期应为 YYYY-MM-DD 格式的日期，已忽略", "截止日期应为 YYYY-MM-DD 格式的日期，已忽略", "页码无效，已显示第1页",
    ]);
    const reversed = parseAuditFilters({ from: "2026-03-05", to: "2026-03-01", user: ["4", "5"] });
    expect(reversed.filters).toEqual({ userId: 4, page: 1 });
    expect(reversed.problems).toEqual(["起始日期 2026-03-05 晚于截止日期 2026-03-01，已忽略日期范围"]);
  });
});

describe("audit labels and the Excel export", () => {
  it("names actions, objects and times in Chinese", () => {
    expect(actionLabel("auth.sign_in_failed")).toBe("登录失败");
    expect(actionLabel("import.records")).toBe("import.records");
    expect(entityLabel("api_token", "7")).toBe("接口令牌 #7");
    expect(entityLabel("session", "3")).toBe("账号 #3 的会话");
    expect(chinaTime("2026-03-01T16:30:00.000Z")).toBe("2026-03-02 00:30:00");
    expect(chinaDayStartUtc("2026-03-02")).toBe("2026-03-01T16:00:00.000Z");
  });

  it("writes a sheet with Chinese headers, the header frozen, and the snapshots as JSON", async () => {
    const rows = await all({});
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await auditWorkbook(rows, "导出说明")) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("操作日志")!;
    const header = sheet.getRow(3).values as unknown[];
    expect(header.slice(1, 8)).toEqual(["时间（北京时间）", "操作人", "角色", "来源地址", "操作", "操作代码", "对象"]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(sheet.rowCount).toBe(3 + rows.length);
    const reset = sheet.getRow(5);
    expect(reset.getCell(1).value).toBe("2026-03-02 00:30:00");
    expect(reset.getCell(5).value).toBe("重置密码");
    expect(reset.getCell(2).value).toBe("市信用办（admin）");
    const created = sheet.getRow(7);
    expect(JSON.parse(String(created.getCell(12).value))).toMatchObject({ username: "dep", role: "department" });
  });
});
