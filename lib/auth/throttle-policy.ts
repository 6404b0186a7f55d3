/**
 * Failed sign-ins: the first few are free, then each further attempt must wait twice as long as the
 * last (1 s, 2 s, 4 s …), and at the limit the account (or address) is locked for a while.
 */
export const FREE_FAILURES = 3;
/** An address may be a whole office behind one NAT: its colleagues' typos should not slow everyone. */
export const ADDRESS_FREE_FAILURES = 10;
export const MAX_DELAY_MS = 60_000;
export const ACCOUNT_LOCK_AFTER = 10;
export const ADDRESS_LOCK_AFTER = 30;
export const LOCK_MS = 15 * 60_000;
/** Failures older than this are forgotten. */
export const FAILURE_MEMORY_MS = 60 * 60_000;

export interface ThrottleState {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number | null;
}

/** Milliseconds until another attempt is allowed (0: now). */
export function waitBeforeAttempt(state: ThrottleState | undefined, now: number, freeFailures = FREE_FAILURES): number {
  if (!state || now - state.lastFailureAt > FAILURE_MEMORY_MS) return 0;
  if (state.lockedUntil && state.lockedUntil > now) return state.lockedUntil - now;
  if (state.failures < freeFailures) return 0;
  const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (state.failures - freeFailures));
  return Math.max(0, state.lastFailureAt + delay - now);
}

/** The state after one more failure; `lockAfter` failures lock the key. */
export function afterFailure(state: ThrottleState | undefined, now: number, lockAfter: number): ThrottleState {
  const fresh = !state || now - state.lastFailureAt > FAILURE_MEMORY_MS || (state.lockedUntil !== null && state.lockedUntil <= now);
  const failures = (fresh ? 0 : state.failures) + 1;
  return { failures, lastFailureAt: now, lockedUntil: failures >= lockAfter ? now + LOCK_MS : null };
}

export function describeWait(ms: number): string {
  if (ms >= 60_000) return `${Math.ceil(ms / 60_000)}分钟`;
  return `${Math.ceil(ms / 1000)}秒`;
}
