import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

// What a production build depends on; tests and scripts do not change what `next build` emits.
const SOURCES = ["app", "components", "lib", "db", "public", "instrumentation.ts", "next.config.ts",
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

export interface Server {
  base: string;
  log: string[];
  stop(): void;
}

/** `next start` on loopback in its own process group, so stop() ends npx, sh and next-server together. */
export function startServer(port: number, databaseUrl: string): Server {
  const child: ChildProcess = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
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
    log,
    stop() {
      if (stopped || child.pid === undefined || child.exitCode !== null) return;
      stopped = true;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    },
  };
}

/** Polls until the server answers `/` with a non-5xx status, or throws after `timeoutMs`. */
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

/** One GET, timed from request to the last byte of the body. */
/** One GET as a browser asks for a page (Node's fetch would send Accept: *\/*, which the page cache leaves to the router). */
export async function timeGet(url: string): Promise<{ ms: number; status: number; bytes: number; cache: string }> {
  const start = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000), headers: { accept: "text/html" } });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - start, status: res.status, bytes: body.byteLength, cache: res.headers.get("x-page-cache") ?? "live" };
}
