import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { makeCity } from "@/tests/support/factories";

const dir = mkdtempSync(join(tmpdir(), "credit-user-add-"));
const url = `file:${join(dir, "store.db")}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], password: string | null = "Start-pass-2026") {
  const { USER_PASSWORD: _ignored, ...env } = process.env;
  const r = spawnSync("npx", ["--no-install", "tsx", "scripts/user-add.ts", ...args], {
    encoding: "utf8", env: { ...env, DATABASE_URL: url, ...(password === null ? {} : { USER_PASSWORD: password }) },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run user:add", { timeout: 120_000 }, () => {
  it("migrates a new store and creates the first 信用办 account, recorded as the command line's doing", async () => {
    const r = run(["--username", "admin", "--name", "市信用办", "--role", "office"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("已创建信用办账号“admin”（市信用办），可以登录。");
    const db = openDb({ url });
    try {
      const [u] = await db.select().from(users);
      expect(u).toMatchObject({ username: "admin", role: "office", active: true });
      expect(await verifyPassword(u!.passwordHash, "Start-pass-2026")).toBe(true);
      const [audit] = await db.select().from(auditLog);
      expect(audit).toMatchObject({ action: "user.create", actor: "命令行 user:add（system）", userId: null });
    } finally {
      db.$client.close();
    }
  });

  it("exits 1 with the Chinese refusal for a taken name or a weak password", () => {
    const taken = run(["--username", "admin", "--name", "又一个", "--role", "leader"]);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain("账号“admin”已存在");
    const weak = run(["--username", "lead", "--name", "领导", "--role", "leader"], "short");
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain("密码至少8位");
  });

  it("finds the department and the district by name or code", async () => {
    const db = openDb({ url });
    const city = await makeCity(db, ["甲区"]);
    db.$client.close();
    const dep = run(["--username", "dep", "--name", "测试局报送员", "--role", "department", "--department", "测试局"]);
    expect(dep.status).toBe(0);
    expect(dep.stdout).toContain("已创建部门账号“dep”");
    const dis = run(["--username", "jia", "--name", "甲区信用办", "--role", "district", "--district", "甲区"]);
    expect(dis.status).toBe(0);
    const missing = run(["--username", "nowhere", "--name", "某区", "--role", "district", "--district", "不存在区"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("找不到区县“不存在区”");
    const check = openDb({ url });
    try {
      const rows = await check.select().from(users);
      expect(rows.find((u) => u.username === "dep")).toMatchObject({ role: "department", departmentId: city.departmentId });
      expect(rows.find((u) => u.username === "jia")).toMatchObject({ role: "district", districtId: city.districts[0]!.id });
      expect(rows.some((u) => u.username === "nowhere")).toBe(false);
    } finally {
      check.$client.close();
    }
  });

  it("explains missing arguments and a missing password without a terminal (exit 2)", () => {
    const noRole = run(["--username", "x1", "--name", "某"]);
    expect(noRole.status).toBe(2);
    expect(noRole.stderr).toContain("--role 应为");
    const noPassword = run(["--username", "x1", "--name", "某", "--role", "leader"], null);
    expect(noPassword.status).toBe(2);
    expect(noPassword.stderr).toContain("请设置环境变量 USER_PASSWORD");
  });
});
