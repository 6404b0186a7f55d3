import { describe, expect, it } from "vitest";
import { dummyPasswordHash, hashPassword, PASSWORD_MIN_LENGTH, passwordProblem, verifyPassword } from "./password";

describe("passwords", () => {
  it("stores an argon2id hash that verifies only the same password", async () => {
    const hash = await hashPassword("Xinyong#2026");
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain("Xinyong#2026");
    expect(await verifyPassword(hash, "Xinyong#2026")).toBe(true);
    expect(await verifyPassword(hash, "xinyong#2026")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
    // The same password hashes differently each time (a fresh salt).
    expect(await hashPassword("Xinyong#2026")).not.toBe(hash);
  });

  it("treats a malformed stored hash as no match rather than an error", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
    expect(await verifyPassword("", "anything")).toBe(false);
  });

  it("has a dummy hash that no ordinary password matches, computed once", async () => {
    const a = await dummyPasswordHash();
    expect(await dummyPasswordHash()).toBe(a);
    expect(await verifyPassword(a, "Xinyong#2026")).toBe(false);
  });

  it("explains in Chinese why a new password is refused", () => {
    expect(passwordProblem("Ab1#")).toBe(`密码至少${PASSWORD_MIN_LENGTH}位`);
    expect(passwordProblem("A1#".repeat(43))).toBe("密码不超过128位");
    expect(passwordProblem("abcdefghij")).toBe("密码须包含字母、数字、符号中的至少两类");
    expect(passwordProblem("1234567890")).toBe("密码须包含字母、数字、符号中的至少两类");
    expect(passwordProblem("zhangsan2026", "ZhangSan")).toBe("密码不能包含账号");
    expect(passwordProblem("Xinyong#2026", "zhangsan")).toBeNull();
    expect(passwordProblem("xinyong2026")).toBeNull();
    expect(passwordProblem("a".repeat(PASSWORD_MIN_LENGTH - 1) + "1")).toBeNull();
  });
});
