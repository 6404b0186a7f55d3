import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appMeta, auditLog, departments, writeReceipts, type Role } from "@/db/schema";
import { canWrite } from "@/lib/auth/scope";
import { systemViewer, type Viewer } from "@/lib/auth/viewer";
import { createUser } from "@/lib/users/actions";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { conflict, onLocalChange, Refusal, STORE_VERSION_KEY, write, z, type WriteAction } from "./index";

const require = createRequire(import.meta.url);

let t: TestDb;
beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.cleanup());

function viewer(role: Role, userId = 7): Viewer {
  return { userId, tokenId: null, username: `user${userId}`, displayName: "测试员", role, departmentId: null, districtId: null, sessionId: "s", address: "10.0.0.9" };
}
const office = viewer("office");
const leader = viewer("leader");

const departmentInput = z.object({
  code: z.string().trim().min(2),
  name: z.string().trim().min(1).max(40),
});

/** Adds a department: a small real change over an existing table. */
const addDepartment: WriteAction<typeof departmentInput, { id: number }> = {
  name: "test.add_department", input: departmentInput, allow: canWrite,
  run: async (tx, input) => {
    const [row] = await tx.insert(departments).values({ code: input.code, name: input.name, shortName: input.name }).returning({ id: departments.id });
    return { value: { id: row!.id }, audit: { entityType: "department", entityId: row!.id, summary: `新增部门“${input.name}”`, after: input } };
  },
};

/** The same, refusing a code already taken, as real actions check what they are about to create. */
const addDepartmentChecked: WriteAction<typeof departmentInput, { id: number }> = {
  ...addDepartment, name: "test.add_department_checked",
  check: async (db, input) => {
    const [taken] = await db.select({ id: departments.id }).from(departments).where(eq(departments.code, input.code));
    if (taken) throw conflict(`部门代码“${input.code}”已存在`);
  },
};

/** Inserts its row, then fails. */
function failingAfterInsert(error: Error): WriteAction<typeof departmentInput, null> {
  return {
    name: "test.fail_after_insert", input: departmentInput, allow: canWrite,
    run: async (tx, input) => {
      await tx.insert(departments).values({ code: input.code, name: input.name, shortName: input.name });
      throw error;
    },
  };
}

/** A change no cached reading depends on. */
const bookkeeping: WriteAction<z.ZodObject<{ note: z.ZodString }>, null> = {
  name: "test.bookkeeping", input: z.object({ note: z.string() }), allow: () => true, changesData: false,
  run: async (tx, input) => {
    await tx.insert(appMeta).values({ key: "test_note", value: input.note }).onConflictDoUpdate({ target: appMeta.key, set: { value: input.note } });
    return { value: null, audit: { entityType: "app_meta", entityId: "test_note", summary: "记录" } };
  },
};

async function storeVersion(): Promise<number> {
  const [row] = await t.db.select().from(appMeta).where(eq(appMeta.key, STORE_VERSION_KEY));
  return row ? Number(row.value) : 0;
}

const count = {
  departments: () => t.db.$count(departments),
  audit: (action?: string) => (action ? t.db.$count(auditLog, eq(auditLog.action, action)) : t.db.$count(auditLog)),
  receipts: () => t.db.$count(writeReceipts),
};

/**
 * Another process (a second app server, an import on the command line) that takes the store's write lock,
 * writes a row and commits after `holdMs`. Resolves once the lock is held; `released` gives the moment
 * (Date.now() of that process) the lock was let go.
 */
async function lockFromAnotherProcess(url: string, holdMs: number): Promise<{ released: Promise<number> }> {
  const script = `
    const Database = require(${JSON.stringify(require.resolve("libsql"))});
    const db = new Database(${JSON.stringify(url.slice("file:".length))});
    db.prepare("BEGIN IMMEDIATE").run();
    db.prepare("INSERT INTO app_meta (key, value) VALUES ('other_process', '1')").run();
    process.stdout.write("locked\\n");
    setTimeout(() => { db.prepare("COMMIT").run(); process.stdout.write("released " + Date.now() + "\\n"); db.close(); }, ${holdMs});
  `;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  let onLocked!: () => void;
  const locked = new Promise<void>((resolve) => (onLocked = resolve));
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes("locked")) onLocked();
  });
  const released = new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      const at = Number(/released (\d+)/.exec(output)?.[1]);
      if (code === 0 && at) resolve(at);
      else reject(new Error(`lock holder exited with ${code}: ${output}`));
    });
  });
  await Promise.race([locked, released]);
  return { released };
}

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);
/** A message with no Chinese in it (English, or zod's default codes) would reach the user as is. */
const notChinese = (errors: Record<string, string>) => Object.entries(errors).filter(([, m]) => !hasChinese(m) || /\b(invalid|expected|required|received|must)\b/i.test(m));

describe("write: input", () => {
  it("refuses invalid input with 422 and Chinese field errors, and stores nothing", async () => {
    const everything = z.object({
      text: z.string().min(2),
      long: z.string().max(3),
      number: z.coerce.number().int().positive(),
      count: z.number(),
      kind: z.enum(["city", "district"]),
      email: z.email(),
      code: z.string().regex(/^\d{6}$/),
      flag: z.boolean(),
      list: z.array(z.string()).min(1),
      nested: z.object({ inner: z.string() }),
      date: z.iso.date(),
      literal: z.literal("yes"),
      union: z.union([z.number(), z.boolean()]),
      custom: z.string().refine((v) => v === "ok"),
      multiple: z.number().multipleOf(5),
    }).strict();
    const action: WriteAction<typeof everything, null> = {
      name: "test.everything", input: everything, allow: () => true,
      run: async () => { throw new Error("run must not be reached"); },
    };
    const before = await storeVersion();
    const outcome = await write(t.db, office, action, {
      text: "a", long: "abcdef", number: "-3.5", count: "x", kind: "town", email: "not-an-email", code: "12ab", flag: "yes",
      list: [], nested: { inner: 5 }, date: "2026-13-45", literal: "no", union: "s", custom: "bad", multiple: 7, extra: 1,
    });
    if (outcome.ok) throw new Error("expected a refusal");
    expect(outcome.status).toBe(422);
    const fields = ["text", "long", "number", "count", "kind", "email", "code", "flag", "list", "nested.inner", "date", "literal", "union", "custom", "multiple", "form"];
    expect(Object.keys(outcome.fieldErrors).sort()).toEqual([...fields].sort());
    expect(notChinese(outcome.fieldErrors)).toEqual([]);
    expect(outcome.message).toBe(Object.values(outcome.fieldErrors)[0]);
    expect(hasChinese(outcome.message)).toBe(true);

    // Nothing at all is not an object: still Chinese.
    const nothing = await write(t.db, office, addDepartment, undefined);
    expect(nothing).toMatchObject({ ok: false, status: 422 });
    if (!nothing.ok) expect(notChinese({ ...nothing.fieldErrors, message: nothing.message })).toEqual([]);

    expect(await count.audit()).toBe(0);
    expect(await storeVersion()).toBe(before);
  });

  it("passes an action's own Chinese messages through", async () => {
    const outcome = await write(t.db, systemViewer("test"), createUser, {});
    expect(outcome).toMatchObject({
      ok: false, status: 422,
      fieldErrors: { username: "请填写账号", password: "请填写初始密码", displayName: "请填写姓名或单位", role: "请选择角色" },
    });
  });

  it("gives run the parsed input, never the raw one", async () => {
    const outcome = await write(t.db, office, addDepartment, { code: "  tax  ", name: " 市税务局 ", injected: "x" });
    expect(outcome).toMatchObject({ ok: true });
    const [row] = await t.db.select().from(departments);
    expect(row).toMatchObject({ code: "tax", name: "市税务局" });
    const [audit] = await t.db.select().from(auditLog);
    expect(JSON.parse(audit!.after!)).toEqual({ code: "tax", name: "市税务局" });
  });
});

describe("write: roles", () => {
  it("refuses 领导 with 403 for an action only writers may do, before reading the input", async () => {
    const before = await storeVersion();
    expect(await write(t.db, leader, addDepartment, { code: "tax", name: "市税务局" }))
      .toEqual({ ok: false, status: 403, message: "“领导”角色无权进行此操作", fieldErrors: {} });
    expect(await write(t.db, leader, addDepartment, { code: "" })).toMatchObject({ ok: false, status: 403 });
    expect(await write(t.db, leader, addDepartment, { code: "tax", name: "市税务局" }, { submissionKey: "k" })).toMatchObject({ ok: false, status: 403 });
    expect(await count.departments()).toBe(0);
    expect(await count.audit()).toBe(0);
    expect(await count.receipts()).toBe(0);
    expect(await storeVersion()).toBe(before);
    for (const role of ["office", "department", "district"] as const) {
      expect(await write(t.db, viewer(role), addDepartment, { code: `d-${role}`, name: `部门${role}` }), role).toMatchObject({ ok: true });
    }
  });

  it("uses the action's own refusal when it has one", async () => {
    expect(await write(t.db, viewer("department"), createUser, {})).toEqual({ ok: false, status: 403, message: "只有信用办可以管理账号", fieldErrors: {} });
  });

  it("answers a Refusal from check with its status and field errors", async () => {
    const action: WriteAction<typeof departmentInput, null> = {
      ...failingAfterInsert(new Error("unreachable")), name: "test.checked",
      check: async () => { throw new Refusal(422, "代码不可用", { code: "代码不可用" }); },
    };
    expect(await write(t.db, office, action, { code: "tax", name: "市税务局" })).toEqual({ ok: false, status: 422, message: "代码不可用", fieldErrors: { code: "代码不可用" } });
    expect(await count.departments()).toBe(0);
  });
});

describe("write: one transaction", () => {
  it("writes the change and its audit row together", async () => {
    const outcome = await write(t.db, office, addDepartment, { code: "tax", name: "市税务局" });
    expect(outcome).toEqual({ ok: true, value: { id: 1 }, repeated: false });
    const audit = await t.db.select().from(auditLog);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      userId: 7, actor: "测试员（user7）", role: "office", address: "10.0.0.9", action: "test.add_department",
      entityType: "department", entityId: "1", summary: "新增部门“市税务局”", before: null,
    });
    expect(Number.isNaN(Date.parse(audit[0]!.at))).toBe(false);
  });

  it("keeps neither the row nor an audit row when run throws after inserting", async () => {
    const before = await storeVersion();
    await expect(write(t.db, office, failingAfterInsert(new Error("boom")), { code: "tax", name: "市税务局" })).rejects.toThrow("boom");
    expect(await write(t.db, office, failingAfterInsert(new Refusal(409, "中途发现冲突")), { code: "tax", name: "市税务局" }))
      .toEqual({ ok: false, status: 409, message: "中途发现冲突", fieldErrors: {} });
    expect(await count.departments()).toBe(0);
    expect(await count.audit()).toBe(0);
    expect(await storeVersion()).toBe(before);
    // The store is usable afterwards: nothing was left holding the lock.
    expect(await write(t.db, office, addDepartment, { code: "tax", name: "市税务局" })).toMatchObject({ ok: true });
  });

  // drizzle wraps driver errors in DrizzleQueryError("Failed query: …"); the SQLite code is on its `cause`.
  it("answers a broken unique constraint with 409", async () => {
    expect(await write(t.db, office, addDepartment, { code: "tax", name: "市税务局" })).toMatchObject({ ok: true });
    const outcome = await write(t.db, office, addDepartment, { code: "tax", name: "另一个局" }).catch((error: Error) => error);
    expect(outcome).toEqual({ ok: false, status: 409, message: "提交的内容与已有数据冲突（可能已被他人修改或引用的对象不存在），请刷新后重试", fieldErrors: {} });
    expect(await count.departments()).toBe(1);
    expect(await count.audit()).toBe(1);
  });

  it("answers a broken foreign key with 409", async () => {
    const dangling: WriteAction<z.ZodObject<{}>, null> = {
      name: "test.dangling", input: z.object({}), allow: canWrite,
      run: async (tx) => {
        await tx.insert(departments).values({ code: "xx", name: "悬空", shortName: "悬空", orgUnitId: 9999 });
        return { value: null, audit: { entityType: "department", summary: "悬空" } };
      },
    };
    const outcome = await write(t.db, office, dangling, {}).catch((error: Error) => error);
    expect(outcome).toMatchObject({ ok: false, status: 409 });
    expect(await count.departments()).toBe(0);
    expect(await count.audit()).toBe(0);
  });
});

describe("write: store version", () => {
  it("is bumped once per successful change, and not for bookkeeping or refusals", async () => {
    let heard = 0;
    onLocalChange(() => heard++);
    const v0 = await storeVersion();
    await write(t.db, office, addDepartment, { code: "a1", name: "甲局" });
    expect(await storeVersion()).toBe(v0 + 1);
    expect(heard).toBe(1);
    await write(t.db, office, addDepartment, { code: "a2", name: "乙局" });
    expect(await storeVersion()).toBe(v0 + 2);

    expect(await write(t.db, office, bookkeeping, { note: "x" })).toMatchObject({ ok: true });
    expect(await count.audit("test.bookkeeping")).toBe(1);
    expect(await storeVersion()).toBe(v0 + 2);

    await write(t.db, office, addDepartmentChecked, { code: "a2", name: "重复" }); // 409
    await write(t.db, office, addDepartment, { code: "" }); // 422
    await write(t.db, leader, addDepartment, { code: "a3", name: "丙局" }); // 403
    expect(await storeVersion()).toBe(v0 + 2);
    expect(heard).toBe(2);
  });
});

describe("write: submission keys", () => {
  it("stores one row when the same submission arrives 50 times at once", async () => {
    const v0 = await storeVersion();
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => write(t.db, office, addDepartment, { code: "tax", name: "市税务局" }, { submissionKey: "form-7f3a" })));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const ok = outcomes.filter((o) => o.ok);
    expect(ok.filter((o) => !o.repeated)).toHaveLength(1);
    expect(ok.filter((o) => o.repeated)).toHaveLength(49);
    expect(new Set(ok.map((o) => JSON.stringify(o.value)))).toEqual(new Set([JSON.stringify({ id: 1 })]));
    expect(await count.departments()).toBe(1);
    expect(await count.audit()).toBe(1);
    expect(await count.receipts()).toBe(1);
    expect(await storeVersion()).toBe(v0 + 1);
  });

  it("keeps submissions apart by key and by person", async () => {
    expect(await write(t.db, office, addDepartment, { code: "a1", name: "甲局" }, { submissionKey: "k1" })).toMatchObject({ ok: true, repeated: false });
    expect(await write(t.db, office, addDepartment, { code: "a2", name: "乙局" }, { submissionKey: "k2" })).toMatchObject({ ok: true, repeated: false });
    // Another person's form with the same key is their own submission.
    expect(await write(t.db, viewer("office", 8), addDepartment, { code: "a3", name: "丙局" }, { submissionKey: "k1" })).toMatchObject({ ok: true, repeated: false });
    // Without a key nothing is remembered.
    expect(await write(t.db, office, addDepartment, { code: "a4", name: "丁局" })).toMatchObject({ ok: true, repeated: false });
    expect(await count.departments()).toBe(4);
    expect(await count.receipts()).toBe(3);
  });

  it("does not remember a refused submission, so it can be corrected and sent again", async () => {
    await write(t.db, office, addDepartment, { code: "tax", name: "市税务局" });
    expect(await write(t.db, office, addDepartmentChecked, { code: "tax", name: "重名" }, { submissionKey: "k" })).toMatchObject({ ok: false, status: 409 });
    expect(await write(t.db, office, addDepartmentChecked, { code: "tax2", name: "重名" }, { submissionKey: "k" })).toMatchObject({ ok: true, repeated: false });
  });

  // `check` runs once before the queue, outside the transaction, and the receipt is only looked up inside
  // it. A resubmitted form whose first submission already went through is then refused by the action's own
  // "already exists" check instead of being answered with the first result.
  it("answers a resubmitted form with the first result even when the action checks for duplicates", async () => {
    const first = await write(t.db, office, addDepartmentChecked, { code: "tax", name: "市税务局" }, { submissionKey: "form-1" });
    expect(first).toEqual({ ok: true, value: { id: 1 }, repeated: false });
    const again = await write(t.db, office, addDepartmentChecked, { code: "tax", name: "市税务局" }, { submissionKey: "form-1" });
    expect(again).toEqual({ ok: true, value: { id: 1 }, repeated: true });
    expect(await count.departments()).toBe(1);
  });

  it("answers a resubmitted 新建账号 form with the first result", async () => {
    const input = { username: "samr01", password: "Xinyong#2026", displayName: "市场监管局", role: "office", departmentId: "", districtId: "" };
    const first = await write(t.db, office, createUser, input, { submissionKey: "new-user-1" });
    expect(first).toMatchObject({ ok: true, repeated: false });
    expect(await write(t.db, office, createUser, input, { submissionKey: "new-user-1" })).toMatchObject({ ok: true, repeated: true, value: first.ok ? first.value : null });
  });
});

describe("write: concurrency", () => {
  it("serialises 20 concurrent writes without SQLITE_BUSY", async () => {
    const v0 = await storeVersion();
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => write(t.db, viewer("office", i + 1), addDepartment, { code: `d${i}`, name: `部门${i}` })));
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(new Set(outcomes.map((o) => (o.ok ? o.value.id : 0))).size).toBe(20);
    expect(await count.departments()).toBe(20);
    expect(await count.audit()).toBe(20);
    expect(await storeVersion()).toBe(v0 + 20);
  });

  it("keeps going when one of many concurrent writes fails", async () => {
    const outcomes = await Promise.allSettled([
      write(t.db, office, addDepartment, { code: "aa", name: "甲局" }),
      write(t.db, office, failingAfterInsert(new Error("boom")), { code: "bb", name: "乙局" }),
      write(t.db, office, addDepartment, { code: "cc", name: "丙局" }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((await t.db.select({ code: departments.code }).from(departments)).map((d) => d.code).sort()).toEqual(["aa", "cc"]);
  });

  it("waits for another process holding the write lock briefly", async () => {
    const other = await lockFromAnotherProcess(t.url, 400);
    const outcome = await write(t.db, office, addDepartment, { code: "tax", name: "市税务局" });
    await other.released;
    expect(outcome).toMatchObject({ ok: true });
    expect(await count.departments()).toBe(1);
    expect(await t.db.$count(appMeta, eq(appMeta.key, "other_process"))).toBe(1);
  });

  // Held longer than the connection's busy_timeout (5 s), BEGIN IMMEDIATE fails with SQLITE_BUSY and the
  // write path retries every 25 ms, 50 ms, 75 ms …, so it should go through right after the lock is let go.
  // But libsql leaves the failed BEGIN statement active on the pooled connection, so every retried
  // transaction's COMMIT fails with "SQLITE_BUSY: cannot commit transaction - SQL statements in progress"
  // until a garbage collection happens to finalize that statement (or all 20 retries are spent: 409).
  it("goes through promptly once another process lets go of a long write lock", async () => {
    // Watch each attempt of the write path's transaction (the store itself is real).
    const failures: string[] = [];
    const transaction = t.db.transaction.bind(t.db);
    t.db.transaction = (async (...args: Parameters<typeof transaction>) => {
      try {
        return await transaction(...args);
      } catch (error) {
        failures.push(String((error as Error).message));
        throw error;
      }
    }) as typeof t.db.transaction;

    const other = await lockFromAnotherProcess(t.url, 5_600);
    const outcome = await write(t.db, office, addDepartment, { code: "tax", name: "市税务局" });
    const finished = Date.now();
    const released = await other.released;
    // Attempts made while the lock was held fail at BEGIN; none may fail after it was let go.
    expect(failures.filter((m) => !/database is locked/.test(m))).toEqual([]);
    expect(outcome).toMatchObject({ ok: true });
    expect(finished - released).toBeLessThan(1000);
    expect(await count.departments()).toBe(1);
  });
});
