import type { IncomingMessage, ServerResponse } from "node:http";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from "@/lib/auth/security-headers";

// How many renders the app works on at once. Every render in progress holds its query results, its React tree and
// its output buffers; on two cores twenty interleaved renders finish no sooner than four at a time, but they raise
// the heap's high-water mark, which the allocator keeps long after (decision 005, "Memory, again"). Renders beyond
// the limit wait their turn in arrival order; a queue too long to serve in reasonable time is told to come back.

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface RenderGateOptions {
  /** Renders in progress at most. */
  concurrency: number;
  /** Requests waiting at most; one more is answered 503. */
  maxWaiting: number;
  /** A render holding its place longer than this gives it up (it goes on), so one slow download cannot block pages. */
  holdLimitMs: number;
}

/** Requests the gate lets straight through: the build's static files, which cost nothing to serve. */
export function passesUngated(url: string): boolean {
  return url.startsWith("/_next/static/");
}

/** Wraps the app's handler so that at most `concurrency` requests are in it at once. */
export function withRenderGate(handle: Handler, options: RenderGateOptions): Handler & { inFlight(): number; waiting(): number } {
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const queue: (() => void)[] = [];
  let inFlight = 0;

  const admit = (): Promise<void> | null => {
    if (inFlight < concurrency) {
      inFlight++;
      return Promise.resolve();
    }
    if (queue.length >= options.maxWaiting) return null;
    return new Promise((resolve) => queue.push(resolve));
  };
  const release = () => {
    const next = queue.shift();
    if (next) next(); // the place passes straight to the next in line
    else inFlight--;
  };

  const gated = async (req: IncomingMessage, res: ServerResponse) => {
    if (passesUngated(req.url ?? "/")) return handle(req, res);
    const turn = admit();
    if (!turn) return refuseBusy(res);
    await turn;
    let released = false;
    const releaseOnce = () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      release();
    };
    const timer = setTimeout(releaseOnce, options.holdLimitMs);
    // A client that went away before its turn: nothing to render for it.
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
  res.statusCode = 503;
  res.setHeader("retry-after", "5");
  res.setHeader("content-type", "text/plain; charset=utf-8");
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader("content-security-policy", contentSecurityPolicy(null));
  res.end("服务器繁忙，请稍后再试");
}
