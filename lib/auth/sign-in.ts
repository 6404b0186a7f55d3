import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInThrottle, users } from "@/db/schema";
import { bookkeeping, write, z, type Tx, type WriteAction } from "@/lib/write";
import { dummyPasswordHash, verifyPassword } from "./password";
import { closeSession, openSession, viewerOf } from "./sessions";
import { ACCOUNT_LOCK_AFTER, ADDRESS_FREE_FAILURES, ADDRESS_LOCK_AFTER, afterFailure, FREE_FAILURES, describeWait, waitBeforeAttempt, type ThrottleState } from "./throttle-policy";
import { anonymousViewer, type Viewer } from "./viewer";

export const signInInput = z.object({
  username: z.string({ error: "请输入账号" }).trim().min(1, "请输入账号").max(64, "账号不超过64个字符"),
  password: z.string({ error: "请输入密码" }).min(1, "请输入密码").max(200, "密码不超过200个字符"),
});

export interface RequestMeta {
  address: string;
  userAgent: string;
}

export type SignInFailure = "input" | "invalid" | "disabled" | "throttled" | "locked";

export type SignInResult =
  | { ok: true; token: string; viewer: Viewer }
  | { ok: false; status: number; reason: SignInFailure; waitMs: number; message: string };

/** The Chinese message for a failed sign-in; the sign-in page rebuilds it from the reason alone. */
export function signInMessage(reason: SignInFailure, waitMs = 0): string {
  switch (reason) {
    case "input": return "请输入账号和密码";
    case "invalid": return "账号或密码错误";
    case "disabled": return "该账号已停用，请联系信用办";
    case "throttled": return `登录失败次数较多，请${describeWait(waitMs)}后再试`;
    case "locked": return `登录失败次数过多，已暂时锁定，请${describeWait(waitMs)}后再试，或联系信用办重置密码`;
  }
}

const failure = (status: number, reason: SignInFailure, waitMs = 0): SignInResult => ({ ok: false, status, reason, waitMs, message: signInMessage(reason, waitMs) });

const accountKey = (username: string) => `account:${username.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address || "unknown"}`;

/** Checks a password against the throttle; on success opens a session (the cookie's token is returned). */
export async function signIn(db: Db, raw: unknown, meta: RequestMeta, now = Date.now()): Promise<SignInResult> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return failure(422, "input");
  const { username, password } = parsed.data;
  const keys = [accountKey(username), addressKey(meta.address)];
  // The attempt is counted as a failure before the password is checked, so attempts arriving together
  // cannot each get a guess in before any is counted; a success takes its count back.
  const gate = await bookkeeping(db, async (tx) => {
    const states = await tx.select().from(signInThrottle).where(inArray(signInThrottle.key, keys));
    const wait = Math.max(0, ...states.map((s) => waitBeforeAttempt(s, now, s.key.startsWith("address:") ? ADDRESS_FREE_FAILURES : FREE_FAILURES)));
    if (wait > 0) return { wait, locked: states.some((s) => s.lockedUntil !== null && s.lockedUntil > now) };
    for (const key of keys) await bumpFailures(tx, key, now, key.startsWith("account:") ? ACCOUNT_LOCK_AFTER : ADDRESS_LOCK_AFTER);
    return { wait: 0, locked: false };
  });
  if (gate.wait > 0) return failure(429, gate.locked ? "locked" : "throttled", gate.wait);
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid || !user.active) {
    await write(db, anonymousViewer(username, meta.address), recordFailure, {});
    return failure(401, user && valid && !user.active ? "disabled" : "invalid");
  }
  const viewer = viewerOf(user, null, meta.address);
  const outcome = await write(db, viewer, startSession(meta, keys as [string, string], now), {});
  if (!outcome.ok) throw new Error(`登录会话未能建立：${outcome.message}`);
  return { ok: true, token: outcome.value, viewer };
}

/** The failure was counted when the attempt began; this records it. */
const recordFailure: WriteAction<z.ZodObject<{}>, null> = {
  name: "auth.sign_in_failed", input: z.object({}), allow: () => true, changesData: false,
  run: async () => ({ value: null, audit: { entityType: "session", summary: "登录失败" } }),
};

async function bumpFailures(tx: Tx, key: string, now: number, lockAfter: number) {
  const [state] = await tx.select().from(signInThrottle).where(eq(signInThrottle.key, key));
  const next: ThrottleState = afterFailure(state, now, lockAfter);
  await tx.insert(signInThrottle).values({ key, ...next }).onConflictDoUpdate({ target: signInThrottle.key, set: next });
}

function startSession(meta: RequestMeta, [accountThrottleKey, addressThrottleKey]: [string, string], now: number): WriteAction<z.ZodObject<{}>, string> {
  return {
    name: "auth.sign_in", input: z.object({}), allow: () => true, changesData: false,
    run: async (tx, _input, viewer) => {
      // The account starts afresh; the address gets back the count this attempt took in advance.
      await tx.delete(signInThrottle).where(eq(signInThrottle.key, accountThrottleKey));
      await tx.update(signInThrottle).set({ failures: sql`max(0, ${signInThrottle.failures} - 1)` }).where(eq(signInThrottle.key, addressThrottleKey));
      const token = await openSession(tx, viewer.userId!, meta, now);
      return { value: token, audit: { entityType: "session", entityId: viewer.userId, summary: "登录" } };
    },
  };
}

export const signOut: WriteAction<z.ZodObject<{}>, null> = {
  name: "auth.sign_out", input: z.object({}), allow: (v) => v.sessionId !== null, changesData: false,
  run: async (tx, _input, viewer) => {
    await closeSession(tx, viewer.sessionId!);
    return { value: null, audit: { entityType: "session", entityId: viewer.userId, summary: "退出登录" } };
  },
};

/** An account unlocked by the office before its lock runs out. */
export async function clearThrottle(tx: Tx, username: string): Promise<void> {
  await tx.delete(signInThrottle).where(eq(signInThrottle.key, accountKey(username)));
}

