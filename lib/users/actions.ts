import { and, eq, ne } from "drizzle-orm";
import { departments, orgUnits, ROLE_LABELS, ROLES, users, type User } from "@/db/schema";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { isOffice } from "@/lib/auth/scope";
import { closeUserSessions } from "@/lib/auth/sessions";
import { clearThrottle } from "@/lib/auth/sign-in";
import { notFound, Refusal, z, type Tx, type WriteAction } from "@/lib/write";
import type { Db } from "@/db/client";

const username = z.string({ error: "请填写账号" }).trim().min(2, "账号至少2个字符").max(32, "账号不超过32个字符")
  .regex(/^[A-Za-z0-9_.-]+$/, "账号只能由字母、数字、下划线、点和连字符组成");
const optionalId = z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), z.coerce.number().int().positive().nullable());

const accountFields = {
  displayName: z.string({ error: "请填写姓名或单位" }).trim().min(1, "请填写姓名或单位").max(60, "姓名不超过60字"),
  role: z.enum(ROLES, { error: "请选择角色" }),
  departmentId: optionalId,
  districtId: optionalId,
};

export const createUserInput = z.object({ username, password: z.string({ error: "请填写初始密码" }), ...accountFields });
export const updateUserInput = z.object({ id: z.coerce.number().int().positive(), ...accountFields, active: z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean()) });

type Account = { role: User["role"]; departmentId: number | null; districtId: number | null };

/** A 部门 account names an existing department, a 区县 account an existing district; others name neither. */
async function checkScope(db: Db | Tx, input: Account) {
  if (input.role === "department") {
    if (!input.departmentId) throw new Refusal(422, "部门账号须选择所属部门", { departmentId: "请选择所属部门" });
    const [d] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId));
    if (!d) throw new Refusal(422, "所选部门不存在", { departmentId: "所选部门不存在" });
  }
  if (input.role === "district") {
    if (!input.districtId) throw new Refusal(422, "区县账号须选择所属区县", { districtId: "请选择所属区县" });
    const [u] = await db.select({ level: orgUnits.level }).from(orgUnits).where(eq(orgUnits.id, input.districtId));
    if (!u || u.level !== "district") throw new Refusal(422, "所选区县不存在", { districtId: "所选区县不存在" });
  }
}

const scopeOf = (input: Account) => ({
  departmentId: input.role === "department" ? input.departmentId : null,
  districtId: input.role === "district" ? input.districtId : null,
});

const publicView = (u: Pick<User, "username" | "displayName" | "role" | "departmentId" | "districtId" | "active">) =>
  ({ username: u.username, displayName: u.displayName, role: u.role, departmentId: u.departmentId, districtId: u.districtId, active: u.active });

export const createUser: WriteAction<typeof createUserInput, { id: number }> = {
  name: "user.create", input: createUserInput, allow: isOffice, refusal: "只有信用办可以管理账号",
  check: async (db, input) => {
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw new Refusal(422, problem, { password: problem });
    await checkScope(db, input);
    const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (taken) throw new Refusal(409, `账号“${input.username}”已存在`, { username: "该账号已存在" });
  },
  run: async (tx, input) => {
    const now = new Date().toISOString();
    const row = { username: input.username, displayName: input.displayName, role: input.role, ...scopeOf(input), active: true };
    const [created] = await tx.insert(users).values({ ...row, passwordHash: await hashPassword(input.password), createdAt: now, passwordChangedAt: now }).returning({ id: users.id });
    return { value: { id: created!.id }, audit: { entityType: "user", entityId: created!.id, summary: `新建${ROLE_LABELS[input.role]}账号“${input.username}”`, after: publicView(row), departmentId: row.departmentId, districtId: row.districtId } };
  },
};

export const updateUser: WriteAction<typeof updateUserInput, null> = {
  name: "user.update", input: updateUserInput, allow: isOffice, refusal: "只有信用办可以管理账号",
  check: async (db, input, viewer) => {
    const [existing] = await db.select().from(users).where(eq(users.id, input.id));
    if (!existing) throw notFound("该账号不存在");
    await checkScope(db, input);
    if (input.id === viewer.userId && (input.role !== "office" || !input.active)) throw new Refusal(409, "不能停用自己的账号或取消自己的信用办角色");
    if (existing.role === "office" && (input.role !== "office" || !input.active)) {
      const others = await db.select({ id: users.id }).from(users).where(and(eq(users.role, "office"), eq(users.active, true), ne(users.id, input.id)));
      if (others.length === 0) throw new Refusal(409, "这是最后一个可用的信用办账号，不能停用或改变其角色");
    }
  },
  run: async (tx, input) => {
    const [before] = await tx.select().from(users).where(eq(users.id, input.id));
    const next = { displayName: input.displayName, role: input.role, ...scopeOf(input), active: input.active };
    await tx.update(users).set(next).where(eq(users.id, input.id));
    // A changed role, scope or a disabled account ends the person's open sessions.
    if (before!.role !== next.role || before!.departmentId !== next.departmentId || before!.districtId !== next.districtId || !next.active) await closeUserSessions(tx, input.id);
    return {
      value: null,
      audit: {
        entityType: "user", entityId: input.id, summary: `修改账号“${before!.username}”`, before: publicView(before!), after: publicView({ ...before!, ...next }),
        departmentId: next.departmentId ?? before!.departmentId, districtId: next.districtId ?? before!.districtId,
      },
    };
  },
};

export const resetPasswordInput = z.object({ id: z.coerce.number().int().positive(), password: z.string({ error: "请填写新密码" }) });

/** The office sets a new password (and unlocks the account); the person's sessions end. */
export const resetPassword: WriteAction<typeof resetPasswordInput, null> = {
  name: "user.reset_password", input: resetPasswordInput, allow: isOffice, refusal: "只有信用办可以重置密码",
  check: async (db, input) => {
    const [u] = await db.select({ username: users.username }).from(users).where(eq(users.id, input.id));
    if (!u) throw notFound("该账号不存在");
    const problem = passwordProblem(input.password, u.username);
    if (problem) throw new Refusal(422, problem, { password: problem });
  },
  run: async (tx, input) => {
    const [u] = await tx.update(users).set({ passwordHash: await hashPassword(input.password), passwordChangedAt: new Date().toISOString() }).where(eq(users.id, input.id)).returning();
    await closeUserSessions(tx, input.id);
    await clearThrottle(tx, u!.username);
    return { value: null, audit: { entityType: "user", entityId: input.id, summary: `重置账号“${u!.username}”的密码并解除锁定`, departmentId: u!.departmentId, districtId: u!.districtId } };
  },
};

export const changeOwnPasswordInput = z.object({
  current: z.string({ error: "请填写当前密码" }).min(1, "请填写当前密码").max(200),
  password: z.string({ error: "请填写新密码" }).max(200),
  confirm: z.string({ error: "请再次填写新密码" }),
}).refine((v) => v.password === v.confirm, { path: ["confirm"], message: "两次填写的新密码不一致" });

/** Anyone signed in changes their own password with the current one; their other sessions end. */
export const changeOwnPassword: WriteAction<typeof changeOwnPasswordInput, null> = {
  name: "user.change_own_password", input: changeOwnPasswordInput, allow: (v) => v.userId !== null, changesData: false,
  check: async (db, input, viewer) => {
    const [u] = await db.select().from(users).where(eq(users.id, viewer.userId!));
    if (!u || !(await verifyPassword(u.passwordHash, input.current))) throw new Refusal(422, "当前密码不正确", { current: "当前密码不正确" });
    if (input.current === input.password) throw new Refusal(422, "新密码不能与当前密码相同", { password: "新密码不能与当前密码相同" });
    const problem = passwordProblem(input.password, u.username);
    if (problem) throw new Refusal(422, problem, { password: problem });
  },
  run: async (tx, input, viewer) => {
    await tx.update(users).set({ passwordHash: await hashPassword(input.password), passwordChangedAt: new Date().toISOString() }).where(eq(users.id, viewer.userId!));
    await closeUserSessions(tx, viewer.userId!, viewer.sessionId);
    return { value: null, audit: { entityType: "user", entityId: viewer.userId, summary: "修改本人密码" } };
  },
};
