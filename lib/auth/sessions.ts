import { createHash, randomBytes } from "node:crypto";
import { eq, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions, users, type User } from "@/db/schema";
import type { Tx } from "@/lib/write";
import { onLocalChange } from "@/lib/write/store-version";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS } from "./session-policy";
import type { Viewer } from "./viewer";

/** A new random token (for the cookie or an API token) and the hash the store keeps of it. */
export function newSecret(prefix = ""): { token: string; hash: string } {
  const token = prefix + randomBytes(32).toString("base64url");
  return { token, hash: hashSecret(token) };
}

export function hashSecret(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Opens a session for a user inside the sign-in's transaction; returns the cookie's token. */
export async function openSession(tx: Tx, userId: number, meta: { address: string; userAgent: string }, now = Date.now()): Promise<string> {
  const { token, hash } = newSecret();
  await tx.insert(sessions).values({
    id: hash, userId, createdAt: now, lastSeenAt: now, expiresAt: now + SESSION_ABSOLUTE_MS,
    address: meta.address.slice(0, 100), userAgent: meta.userAgent.slice(0, 300),
  });
  // Expired sessions of anyone are cleared as new ones open.
  await tx.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, now - SESSION_IDLE_MS)));
  return token;
}

export function viewerOf(user: User, sessionId: string | null, address: string): Viewer {
  return {
    userId: user.id, tokenId: null, username: user.username, displayName: user.displayName, role: user.role,
    departmentId: user.role === "department" ? user.departmentId : null,
    districtId: user.role === "district" ? user.districtId : null,
    sessionId, address,
  };
}

// Validated sessions, for a second: on a libSQL server every query is a network round trip (≈ 10 ms on sqld with
// this schema), and a page answered from the page cache would otherwise wait on one per request. A session ended
// or a user changed through this process clears it at once (every change does); through another app server it
// shows within the second, as every other change does (lib/write/store-version.ts). Kept on globalThis: the
// Next.js bundle and the server around it (scripts/serve.ts) load their own copies of this module.
const SESSION_MEMO_MS = 1_000;
const SESSION_MEMO_MAX = 10_000;
interface KnownSession { user: User; checkedAt: number; expiresAt: number; lastSeenAt: number }
const slot = globalThis as unknown as { __creditSessions?: Map<string, KnownSession> };
const known = (slot.__creditSessions ??= new Map());
onLocalChange(() => known.clear());

/**
 * The viewer of a session token, or null when the token is unknown, idle too long, past its absolute
 * expiry, or its user is disabled. Marks the session used (at most once a minute).
 */
export async function validateSession(db: Db, token: string, address: string, now = Date.now()): Promise<Viewer | null> {
  if (!token || token.length > 200) return null;
  const id = hashSecret(token);
  const key = `${db.$config?.url ?? ""}\u0000${id}`;
  const memo = known.get(key);
  // Never past its expiry, nor when the session is due to be marked used.
  if (memo && now >= memo.checkedAt && now - memo.checkedAt < SESSION_MEMO_MS && now < memo.expiresAt && now - memo.lastSeenAt < SESSION_TOUCH_MS) {
    return viewerOf(memo.user, id, address);
  }
  known.delete(key);
  const [row] = await db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, id));
  if (!row) return null;
  const { session, user } = row;
  if (!user.active || now >= session.expiresAt || now - session.lastSeenAt >= SESSION_IDLE_MS) {
    await bestEffort(db.delete(sessions).where(eq(sessions.id, id)));
    return null;
  }
  let lastSeenAt = session.lastSeenAt;
  if (now - session.lastSeenAt >= SESSION_TOUCH_MS) {
    // Session bookkeeping, not a change of the city's data: no audit row, caches stay.
    await bestEffort(db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)));
    lastSeenAt = now;
  }
  if (known.size >= SESSION_MEMO_MAX) known.clear();
  known.set(key, { user, checkedAt: now, expiresAt: session.expiresAt, lastSeenAt });
  return viewerOf(user, id, address);
}

/**
 * A bookkeeping write that may be skipped: while a change holds the write lock it would fail with
 * SQLITE_BUSY, and a page must not fail for that (the next request touches the session again).
 */
export async function bestEffort(write: PromiseLike<unknown>): Promise<void> {
  try {
    await write;
  } catch {
    // skipped: see above
  }
}

/** Drops every remembered validation in this process (a session is being ended here). */
export function forgetSessions(): void {
  known.clear();
}

export async function closeSession(tx: Tx, sessionId: string): Promise<void> {
  forgetSessions();
  await tx.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function closeUserSessions(tx: Tx, userId: number, except?: string | null): Promise<void> {
  forgetSessions();
  const mine = await tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
  for (const s of mine) if (s.id !== except) await tx.delete(sessions).where(eq(sessions.id, s.id));
}
