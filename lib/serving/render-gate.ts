import type { IncomingMessage, ServerResponse } from "node:http";
import { answerPlainText } from "@/lib/auth/security-headers";
import type { Handler } from "@/lib/page-cache/http";

export type { Handler };

// How many renders the app works on at once. Every render in progress holds its query results, its React tree and
// its output buffers; on two cores twenty interleaved renders finish hardly sooner than four at a time, but they raise
// the heap's high-water mark, which the allocator keeps long after (decision 005, "Memory, a third look"). Renders beyond
// the limit wait their turn in arrival order; a queue too long to serve in reasonable time is told to come back.

export interface RenderGateOptions {
  /** Renders in progress at most. */
  concurrency: number;
  /** Requests waiting at most; one more is answered 503. */
  maxWaiting: number;
  /** A render holding its place longer than this gives it up (it goes on), so one slow download cannot block pages. */
  holdLimitMs: number;
}

/**
 * Requests the gate lets straight through: the build's static files, which cost nothing to serve. Only a plain file
 * path (the build names its files with letters, digits, `-`, `_` and `.`); anything Next.js might resolve or decode
 * into a page — `/_next/static/../page`, `%2e%2e`, a backslash — waits like any render.
 */
export function passesUngated(url: string): boolean {
  const path = url.split("?")[0]!;
  return /^\/_next\/static\/[A-Za-z0-9_.\-/]+$/.test(path) && !path.split("/").some((segment) => segment === "." || segment === "..");
}

/** Wraps the app's handler so that at most `concurrency` requests are in it at once. */
export function withRenderGate(handle: Handler, options: RenderGateOptions): Handler & { inFlight(): number; waiting(): number } {
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  /** Those waiting, first in line first; each is told whether it got a place. */
  const queue: ((admitted: boolean) => void)[] = [];
  let inFlight = 0;

  /** A place for `res`: at once, after those before it, or null when the line is full. False when its client left meanwhile. */
  const admit = (res: ServerResponse): Promise<boolean> | null => {
    if (inFlight < concurrency) {
      inFlight++;
      return Promise.resolve(true);
    }
    if (queue.length >= options.maxWaiting) return null;
    return new Promise((resolve) => {
      const turn = (admitted: boolean) => {
        res.off("close", leave);
        resolve(admitted);
      };
      // A client that hangs up while waiting leaves the line, so the line counts only those still there.
      const leave = () => {
        const at = queue.indexOf(turn);
        if (at >= 0) queue.splice(at, 1);
        turn(false);
      };
      res.once("close", leave);
      queue.push(turn);
    });
  };
  const release = () => {
    const next = queue.shift();
    if (next) next(true); // the place passes straight to the next in line
    else inFlight--;
  };

  const gated = async (req: IncomingMessage, res: ServerResponse) => {
    if (passesUngated(req.url ?? "/")) return handle(req, res);
    const turn = admit(res);
    if (!turn) return refuseBusy(res);
    if (!(await turn)) return;
    let released = false;
    const releaseOnce = () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      res.off("close", releaseOnce);
      release();
    };
    const timer = setTimeout(releaseOnce, options.holdLimitMs);
    // Gone in the moment between being let in and starting: nothing to render for it.
    if (req.destroyed || res.destroyed) return releaseOnce();
    res.once("close", releaseOnce);
    try {
      await handle(req, res);
    } finally {
      releaseOnce();
    }
  };
  return Object.assign(gated, { inFlight: () => inFlight, waiting: () => queue.length });
}

function refuseBusy(res: ServerResponse) {
  answerPlainText(res, 503, "服务器繁忙，请稍后再试", { "retry-after": "5" });
}
