import { ensureTool, toolRequire } from "./tools";

// The subset of autocannon 9's API used here (it ships no types).
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p97_5: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface Client {
  setHeaders(headers: Record<string, string>): void;
}
interface RawRequest {
  path: string;
  headers: Record<string, string>;
  [key: string]: unknown;
}
interface Instance {
  on(event: "response", fn: (client: Client, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (opts: Record<string, unknown>, cb: (err: Error | null, r: AutocannonResult) => void) => Instance;

let cannon: Autocannon | undefined;
function autocannon(): Autocannon {
  if (!cannon) cannon = toolRequire(ensureTool("autocannon", "autocannon@9", "node_modules/autocannon/package.json"))("autocannon") as Autocannon;
  return cannon;
}

export interface LoadFigures {
  path: string;
  responses: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  max: number;
  acP975: number;
  acP99: number;
  errors: number;
  non2xx: number;
  statuses: string;
  /** Every response's latency, sorted: to merge runs against several servers. */
  latencies: number[];
}

/** Nearest-rank percentile of sorted values: the smallest value with at least p% of values at or below it. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface LoadOptions {
  /** One session cookie per connection (`xyjc_session=…`), handed out in turn: connection i sends cookies[i % n]. */
  cookies: string[];
  connections: number;
  /** Run for this many seconds … */
  seconds?: number;
  /** … or until this many requests are answered. */
  amount?: number;
  /** A fixed path, or a function giving the path of each request (called once per request, in send order). */
  path: string | (() => string);
  headers?: Record<string, string>;
  /** Called after each response (progress reports). */
  onResponse?: () => void;
}

/**
 * `connections` keep-alive clients, each signed in with its own session, hammer the server. Every response's
 * latency (request written to last byte, as autocannon measures it, whatever the status) is recorded through
 * the 'response' event, so p50 and p95 are exact over all responses, not read off autocannon's histogram,
 * which has no p95.
 */
export function runLoad(base: string, o: LoadOptions): Promise<LoadFigures> {
  const latencies: number[] = [];
  let nextCookie = 0;
  // Each connection is a distinct signed-in viewer; its cookie stays with it for the whole run.
  const setupClient = (client: Client) => {
    client.setHeaders({ ...o.headers, accept: "text/html", cookie: o.cookies[nextCookie++ % o.cookies.length]! });
  };
  const dynamic = typeof o.path === "function" ? o.path : null;
  const label = dynamic ? "(distinct URLs)" : (o.path as string);
  const opts: Record<string, unknown> = {
    url: base + (dynamic ? "/" : label), connections: o.connections, timeout: 30, setupClient,
    ...(o.amount ? { amount: o.amount } : { duration: o.seconds ?? 10 }),
    ...(dynamic ? { requests: [{ setupRequest: (req: RawRequest) => ({ ...req, path: dynamic() }) }] } : {}),
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon()(opts, (err, r) => {
      if (err) return reject(err);
      latencies.sort((a, b) => a - b);
      resolve({
        path: label,
        responses: latencies.length,
        seconds: r.duration,
        rps: r.requests.average,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        max: latencies.at(-1) ?? NaN,
        acP975: r.latency.p97_5,
        acP99: r.latency.p99,
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
        statuses: Object.entries(r.statusCodeStats).map(([code, s]) => `${code}×${s.count}`).join(" "),
        latencies,
      });
    });
    instance.on("response", (_client, _status, _bytes, ms) => {
      latencies.push(ms);
      o.onResponse?.();
    });
  });
}
