import { describe, expect, it } from "vitest";
import {
  ACCOUNT_LOCK_AFTER, ADDRESS_FREE_FAILURES, ADDRESS_LOCK_AFTER, afterFailure, describeWait, FAILURE_MEMORY_MS, FREE_FAILURES, LOCK_MS,
  MAX_DELAY_MS, waitBeforeAttempt, type ThrottleState,
} from "./throttle-policy";

const T0 = Date.UTC(2026, 10, 24, 2, 0, 0);

/** `n` failures, all at the instant `at`, with a lock limit no test reaches unless it means to. */
function failures(n: number, at = T0, lockAfter = 1000): ThrottleState | undefined {
  let state: ThrottleState | undefined;
  for (let i = 0; i < n; i++) state = afterFailure(state, at, lockAfter);
  return state;
}

describe("sign-in throttle policy", () => {
  it("keeps its limits in a sensible order", () => {
    expect(FREE_FAILURES).toBeGreaterThan(0);
    expect(ACCOUNT_LOCK_AFTER).toBeGreaterThan(FREE_FAILURES);
    expect(ADDRESS_LOCK_AFTER).toBeGreaterThan(ACCOUNT_LOCK_AFTER);
    // A lock must end before its failures are forgotten, or the lock would outlive its reason.
    expect(LOCK_MS).toBeLessThan(FAILURE_MEMORY_MS);
    expect(MAX_DELAY_MS).toBeLessThan(LOCK_MS);
  });

  it("gives an address (an office behind one NAT) more free failures than an account", () => {
    expect(ADDRESS_FREE_FAILURES).toBeGreaterThan(FREE_FAILURES);
    expect(ADDRESS_FREE_FAILURES).toBeLessThan(ADDRESS_LOCK_AFTER);
    expect(waitBeforeAttempt(failures(ADDRESS_FREE_FAILURES - 1), T0, ADDRESS_FREE_FAILURES)).toBe(0);
    expect(waitBeforeAttempt(failures(ADDRESS_FREE_FAILURES), T0, ADDRESS_FREE_FAILURES)).toBe(1000);
  });

  it("lets anyone without failures try at once", () => {
    expect(waitBeforeAttempt(undefined, T0)).toBe(0);
  });

  it("makes the first failures free", () => {
    for (let n = 1; n < FREE_FAILURES; n++) expect(waitBeforeAttempt(failures(n), T0), `after ${n} failures`).toBe(0);
  });

  it("doubles the wait after each further failure (1 s, 2 s, 4 s …) up to the cap", () => {
    const waits = [];
    for (let n = FREE_FAILURES; n < FREE_FAILURES + 10; n++) waits.push(waitBeforeAttempt(failures(n), T0));
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, MAX_DELAY_MS, MAX_DELAY_MS, MAX_DELAY_MS, MAX_DELAY_MS]);
    expect(MAX_DELAY_MS).toBe(60_000);
  });

  it("counts the wait from the last failure", () => {
    const state = failures(FREE_FAILURES + 1); // must wait 2 s
    expect(waitBeforeAttempt(state, T0 + 500)).toBe(1500);
    expect(waitBeforeAttempt(state, T0 + 1999)).toBe(1);
    expect(waitBeforeAttempt(state, T0 + 2000)).toBe(0);
    expect(waitBeforeAttempt(state, T0 + 30_000)).toBe(0);
  });

  it("counts failures made at different times", () => {
    let state: ThrottleState | undefined;
    let now = T0;
    for (let i = 0; i < FREE_FAILURES + 2; i++) {
      now += waitBeforeAttempt(state, now);
      state = afterFailure(state, now, ACCOUNT_LOCK_AFTER);
      now += 1;
    }
    expect(state!.failures).toBe(FREE_FAILURES + 2);
    expect(state!.lockedUntil).toBeNull();
    expect(waitBeforeAttempt(state, state!.lastFailureAt)).toBe(4000);
  });

  it("locks an account at ACCOUNT_LOCK_AFTER failures for LOCK_MS", () => {
    const before = failures(ACCOUNT_LOCK_AFTER - 1, T0, ACCOUNT_LOCK_AFTER);
    expect(before!.lockedUntil).toBeNull();
    const locked = afterFailure(before, T0, ACCOUNT_LOCK_AFTER);
    expect(locked).toEqual({ failures: ACCOUNT_LOCK_AFTER, lastFailureAt: T0, lockedUntil: T0 + LOCK_MS });
    expect(waitBeforeAttempt(locked, T0)).toBe(LOCK_MS);
    expect(waitBeforeAttempt(locked, T0 + 5 * 60_000)).toBe(LOCK_MS - 5 * 60_000);
    expect(waitBeforeAttempt(locked, T0 + LOCK_MS - 1)).toBe(1);
    // Once the lock has run out, the next attempt is free and a failure then starts a new count.
    expect(waitBeforeAttempt(locked, T0 + LOCK_MS)).toBe(0);
    expect(afterFailure(locked, T0 + LOCK_MS, ACCOUNT_LOCK_AFTER)).toEqual({ failures: 1, lastFailureAt: T0 + LOCK_MS, lockedUntil: null });
  });

  it("locks an address only at ADDRESS_LOCK_AFTER failures", () => {
    const before = failures(ADDRESS_LOCK_AFTER - 1, T0, ADDRESS_LOCK_AFTER);
    expect(before!.lockedUntil).toBeNull();
    expect(waitBeforeAttempt(before, T0)).toBe(MAX_DELAY_MS);
    const locked = afterFailure(before, T0, ADDRESS_LOCK_AFTER);
    expect(locked.lockedUntil).toBe(T0 + LOCK_MS);
    expect(waitBeforeAttempt(locked, T0)).toBe(LOCK_MS);
  });

  it("forgets failures older than FAILURE_MEMORY_MS", () => {
    const state = failures(ACCOUNT_LOCK_AFTER - 1, T0, ACCOUNT_LOCK_AFTER);
    // Still remembered at the edge: one more failure locks.
    expect(afterFailure(state, T0 + FAILURE_MEMORY_MS, ACCOUNT_LOCK_AFTER).failures).toBe(ACCOUNT_LOCK_AFTER);
    expect(afterFailure(state, T0 + FAILURE_MEMORY_MS, ACCOUNT_LOCK_AFTER).lockedUntil).toBe(T0 + FAILURE_MEMORY_MS + LOCK_MS);
    // Forgotten after it: the count starts again.
    expect(afterFailure(state, T0 + FAILURE_MEMORY_MS + 1, ACCOUNT_LOCK_AFTER)).toEqual({ failures: 1, lastFailureAt: T0 + FAILURE_MEMORY_MS + 1, lockedUntil: null });
    expect(waitBeforeAttempt(state, T0 + FAILURE_MEMORY_MS + 1)).toBe(0);
  });

  it("describes a wait in Chinese seconds or minutes, rounded up", () => {
    expect(describeWait(1)).toBe("1秒");
    expect(describeWait(999)).toBe("1秒");
    expect(describeWait(1000)).toBe("1秒");
    expect(describeWait(1001)).toBe("2秒");
    expect(describeWait(32_000)).toBe("32秒");
    expect(describeWait(60_000)).toBe("1分钟");
    expect(describeWait(61_000)).toBe("2分钟");
    expect(describeWait(LOCK_MS)).toBe("15分钟");
    expect(describeWait(LOCK_MS - 30_000)).toBe("15分钟");
    for (const ms of [1, 1000, 59_999, 60_000, LOCK_MS]) expect(describeWait(ms)).toMatch(/^\d+(秒|分钟)$/);
  });
});
