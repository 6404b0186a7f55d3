import { eq } from "drizzle-orm";
import { openDb, type Db } from "@/db/client";
import { auditLog, ROLE_LABELS, writeReceipts } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { Refusal } from "./refusal";
import { bumpStoreVersion, notifyLocalChange } from "./store-version";
import { fieldErrorsOf, z } from "./zod-zh";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** What the audit row says of a change. */
export interface AuditFacts {
  entityType: string;
  entityId?: string | number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
  departmentId?: number | null;
  districtId?: number | null;
}

/**
 * One kind of change. `allow` is the role check, `check` the scope and existence checks that read the
 * store, `run` the change itself; all three see the parsed input, never the raw one.
 */
export interface WriteAction<S extends z.ZodType, R> {
  name: string;
  input: S;
  allow: (viewer: Viewer) => boolean;
  /** Refusal for a viewer whose role may not do this at all. */
  refusal?: string;
  check?: (db: Db | Tx, input: z.output<S>, viewer: Viewer) => Promise<void>;
  run: (tx: Tx, input: z.output<S>, viewer: Viewer) => Promise<{ value: R; audit: AuditFacts }>;
  /** False for changes no cached reading depends on (sessions, passwords): caches stay warm. */
  changesData?: boolean;
  /** What a repeated submission gets back, when the result holds a secret shown only once. */
  receipt?: (value: R) => R;
}

export type WriteOutcome<R> =
  | { ok: true; value: R; repeated: boolean }
  | { ok: false; status: Refusal["status"]; message: string; fieldErrors: Record<string, string> };

// Writes from this process take turns: a local libSQL file has one writer at a time, and a
// transaction that waits for the lock here never fails with SQLITE_BUSY.
let queue: Promise<unknown> = Promise.resolve();
/**
 * Runs `work` in this process's turn of writes. For bulk work on its own native connection (the indicator
 * engine after an import): its BEGIN waits for the lock synchronously, so started while a write of this
 * process holds it, it would stall the very event loop that write needs to finish.
 */
export function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

const BUSY = /SQLITE_BUSY|database is locked/i;
const CONSTRAINT = /SQLITE_CONSTRAINT|UNIQUE constraint failed|FOREIGN KEY constraint failed/i;
// libsql leaves a BEGIN that failed with SQLITE_BUSY open on its pooled connection until it is garbage
// collected; a later COMMIT on that connection then fails with this. Retried like a busy lock.
const STUCK = /statements in progress/i;

/** The driver's message and code: drizzle wraps them as the `cause` of its own error. */
function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    parts.push(String((e as Error).message ?? e), String((e as { code?: unknown }).code ?? ""));
  }
  return parts.join(" ");
}

/**
 * The one way anything changes: parse the input into Chinese field errors, check role and scope,
 * then make the change, write its audit row and mark the store changed in one transaction.
 * A `submissionKey` (a form's one-time key) makes a repeated submission return the first result.
 */
export async function write<S extends z.ZodType, R>(
  db: Db, viewer: Viewer, action: WriteAction<S, R>, raw: unknown, options: { submissionKey?: string | null } = {},
): Promise<WriteOutcome<R>> {
  if (!action.allow(viewer)) return refused(new Refusal(403, action.refusal ?? `“${ROLE_LABELS[viewer.role]}”角色无权进行此操作`));
  const parsed = action.input.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return { ok: false, status: 422, message: Object.values(fieldErrors)[0] ?? "提交的内容有误", fieldErrors };
  }
  const input = parsed.data;
  const key = options.submissionKey ? `${action.name}:${viewer.userId ?? `t${viewer.tokenId}`}:${options.submissionKey.slice(0, 100)}` : null;
  try {
    // A submission already taken answers with its first result, before any check can refuse it.
    const seen = key ? await receiptOf(db, key) : undefined;
    if (seen) return { ok: true, value: JSON.parse(seen.result) as R, repeated: true };
    if (action.check) await action.check(db, input, viewer);
    const outcome = await serially(() => withBusyRetry(db, (store) => store.transaction(async (tx) => {
      const seenNow = key ? await receiptOf(tx, key) : undefined;
      if (seenNow) return { value: JSON.parse(seenNow.result) as R, repeated: true };
      // Checked again inside the transaction: what was true before the lock may not be now.
      if (action.check) await action.check(tx, input, viewer);
      const { value, audit } = await action.run(tx, input, viewer);
      await tx.insert(auditLog).values(auditRow(viewer, action.name, audit));
      if (key) {
        const kept = action.receipt ? action.receipt(value) : value;
        await tx.insert(writeReceipts).values({ key, action: action.name, userId: viewer.userId, at: new Date().toISOString(), result: JSON.stringify(kept ?? null) });
      }
      if (action.changesData !== false) await bumpStoreVersion(tx);
      return { value, repeated: false };
    })));
    if (action.changesData !== false) notifyLocalChange();
    return { ok: true, ...outcome };
  } catch (error) {
    if (error instanceof Refusal) return refused(error);
    const message = errorText(error);
    if (BUSY.test(message) || STUCK.test(message)) return refused(new Refusal(409, "数据正被其他操作修改，请稍后重试"));
    if (CONSTRAINT.test(message)) return refused(new Refusal(409, "提交的内容与已有数据冲突（可能已被他人修改或引用的对象不存在），请刷新后重试"));
    throw error;
  }
}

async function receiptOf(db: Db | Tx, key: string) {
  const [row] = await db.select().from(writeReceipts).where(eq(writeReceipts.key, key));
  return row;
}

function refused(r: Refusal): WriteOutcome<never> {
  return { ok: false, status: r.status, message: r.message, fieldErrors: r.fieldErrors };
}

/**
 * Runs a transaction, again while another process (a second app server, an import on the command line)
 * holds the write lock. Retries of a local file use a fresh client, closed after: the shared client's
 * pool may keep a connection that a failed BEGIN left unusable.
 */
async function withBusyRetry<T>(db: Db, work: (store: Db) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const local = attempt > 0 && db.$config?.url.startsWith("file:");
    const store = local ? openDb(db.$config) : db;
    try {
      return await work(store);
    } catch (error) {
      const text = errorText(error);
      if (attempt >= 40 || !(BUSY.test(text) || STUCK.test(text))) throw error;
      await new Promise((r) => setTimeout(r, Math.min(250, 25 * (attempt + 1))));
    } finally {
      if (local) store.$client.close();
    }
  }
}

/**
 * Bookkeeping of the access layer that no one "makes" — a sign-in attempt counted before the password is
 * checked — in its own transaction, in turn with the writes of this process. No audit row: the sign-in's
 * outcome writes one through `write`.
 */
export function bookkeeping<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return serially(() => withBusyRetry(db, (store) => store.transaction(work)));
}

function auditRow(viewer: Viewer, action: string, audit: AuditFacts) {
  return {
    at: new Date().toISOString(), userId: viewer.userId,
    actor: viewer.tokenId ? `${viewer.displayName}（接口令牌）` : `${viewer.displayName}（${viewer.username}）`,
    role: viewer.anonymous ? "anonymous" : viewer.role, address: viewer.address, action,
    entityType: audit.entityType, entityId: audit.entityId == null ? null : String(audit.entityId),
    departmentId: audit.departmentId ?? viewer.departmentId, districtId: audit.districtId ?? viewer.districtId,
    summary: audit.summary.slice(0, 500),
    before: audit.before === undefined ? null : JSON.stringify(audit.before),
    after: audit.after === undefined ? null : JSON.stringify(audit.after),
  };
}
