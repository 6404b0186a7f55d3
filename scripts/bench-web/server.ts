import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";

// What a production build depends on; tests and scripts do not change what `next build` emits.
const SOURCES = ["app", "components", "lib", "db", "public", "proxy.ts", "instrumentation.ts", "next.config.ts",
  "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), 0);
}

/** Builds when .next has no finished build or any source is newer than it. Returns the seconds spent (0 if none). */
export function buildIfStale(): number {
  const marker = ".next/BUILD_ID";
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map(newestMtime));
  if (built > newest) return 0;
  console.log(built ? "sources newer than .next: npx next build …" : "no .next build: npx next build …");
  const start = performance.now();
  const r = spawnSync("npx", ["next", "build"], { stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`next build 失败 failed (exit ${r.status})`);
  return (performance.now() - start) / 1000;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface MemoryUsage {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface Server {
  base: string;
  /** The next-server process itself (no npx or shell in between), whose memory is measured. */
  pid: number;
  log: string[];
  stop(): void;
  /** Three full garbage collections inside the server, then its process.memoryUsage(). */
  memoryAfterGc(): Promise<ProbedMemory>;
  /** The kernel's view: resident set now and at its peak (VmRSS, VmHWM), in bytes. */
  procMemory(): { rss: number; peak: number; anon: number; file: number };
  /** How many SQLite connections the server holds open on the store (its open descriptors of the file). */
  storeConnections(path: string): number;
  /** CPU time the server has used so far (user + system), in milliseconds. */
  cpuMs(): number;
}

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;
const MEMORY_FILE = resolve("artifacts/bench-web/server-memory.json");
const PROBE = resolve("scripts/bench-web/gc-probe.cjs");

/** What gc-probe.cjs writes: memory before and after its collections, and V8's committed bytes per heap space. */
export interface ProbedMemory { before: MemoryUsage; after: MemoryUsage; spaces: Record<string, number>; snapshot: string | null }

/**
 * The app server (scripts/serve.ts) run by node itself on loopback, in its own process group so stop() ends it with anything it spawns.
 * `--expose-gc` and the probe let the benchmark ask the server for a collection and its memory (SIGUSR2).
 */
export function startServer(port: number, databaseUrl: string, heapSnapshotDir?: string): Server {
  mkdirSync(dirname(MEMORY_FILE), { recursive: true });
  rmSync(MEMORY_FILE, { force: true });
  const child: ChildProcess = spawn(process.execPath,
    ["--expose-gc", "--require", PROBE, "--import", "tsx", resolve("scripts/serve.ts"), "-p", String(port), "-H", "127.0.0.1"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", BENCH_MEMORY_FILE: MEMORY_FILE,
        ...(heapSnapshotDir ? { BENCH_HEAP_SNAPSHOT_DIR: resolve(heapSnapshotDir) } : {}) },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
  if (child.pid === undefined) throw new Error("app server 未能启动 did not start");
  const pid = child.pid;
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(...chunk.toString().split("\n").filter(Boolean));
    log.splice(0, Math.max(0, log.length - 200)); // the tail is enough to explain a failed start
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let stopped = false;
  return {
    base: `http://127.0.0.1:${port}`,
    pid,
    log,
    stop() {
      if (stopped || child.exitCode !== null) return;
      stopped = true;
      try {
        process.kill(-pid, "SIGTERM");
      } catch {
        // already gone
      }
    },
    async memoryAfterGc() {
      const since = Date.now();
      process.kill(pid, "SIGUSR2");
      // A heap snapshot of a large heap takes a while; without one the answer comes in about a second.
      for (let i = 0; i < 1200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        if (!existsSync(MEMORY_FILE)) continue;
        const m = JSON.parse(readFileSync(MEMORY_FILE, "utf8")) as ProbedMemory & { at: number };
        if (m.at >= since) return m;
      }
      throw new Error(`服务器未报告内存 the server did not report its memory in 120 s (${MEMORY_FILE})`);
    },
    cpuMs() {
      // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks, counted after the command's closing ")".
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS);
    },
    storeConnections(path: string) {
      const target = resolve(path);
      return readdirSync(`/proc/${pid}/fd`).filter((fd) => {
        try {
          return readlinkSync(`/proc/${pid}/fd/${fd}`) === target;
        } catch {
          return false; // closed meanwhile
        }
      }).length;
    },
    procMemory() {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) * 1024;
      return { rss: kb("VmRSS"), peak: kb("VmHWM"), anon: kb("RssAnon"), file: kb("RssFile") };
    },
  };
}

/**
 * Waits until the server has used under 5% of a core for two half-seconds in a row: renders of a previous load
 * run on after autocannon has closed its connections and would slow the next page's figures. Returns the
 * seconds waited; gives up after `timeoutMs` (and says so in the return value's `busy`).
 */
export async function waitIdle(server: Server, timeoutMs = 180_000): Promise<{ seconds: number; busy: boolean }> {
  const start = performance.now();
  let quiet = 0;
  let last = server.cpuMs();
  while (performance.now() - start < timeoutMs) {
    await new Promise((r) => setTimeout(r, 500));
    const now = server.cpuMs();
    quiet = now - last < 25 ? quiet + 1 : 0;
    last = now;
    if (quiet >= 2) return { seconds: (performance.now() - start) / 1000, busy: false };
  }
  return { seconds: timeoutMs / 1000, busy: true };
}

/** Polls until the server answers `/` with a non-5xx status (401 when signed out), or throws after `timeoutMs`. */
export async function waitUntilUp(server: Server, timeoutMs = 180_000): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    try {
      const res = await fetch(`${server.base}/`, { signal: AbortSignal.timeout(30_000) });
      await res.arrayBuffer();
      if (res.status < 500) return (performance.now() - start) / 1000;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`服务器未在 ${timeoutMs / 1000} 秒内响应 server did not answer:\n${server.log.slice(-20).join("\n")}`);
}

/** One GET of a page as a signed-in browser asks for it, timed from request to the last byte of the body. */
export async function timeGet(url: string, cookie: string): Promise<{ ms: number; status: number; bytes: number }> {
  const start = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000), redirect: "manual", headers: { accept: "text/html", cookie } });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - start, status: res.status, bytes: body.byteLength };
}
