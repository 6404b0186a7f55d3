import { spawnSync } from "node:child_process";
import type { AppRun } from "./run-app-compute";

/**
 * The app's compute in a child process of its own (run-app-compute.ts), so no other work's memory counts as the
 * app's: `store` is a file path or a libSQL server's address.
 */
export function runAppCompute(store: string, mode: "full" | "months"): AppRun[] {
  const child = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/run-app-compute.ts", store, mode],
    // A compute that stops answering (seen once on sqld over WebSocket: both ends idle on an open socket) fails the
    // bench after 15 minutes instead of holding it for ever.
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20, timeout: 15 * 60_000, killSignal: "SIGKILL" });
  if (child.error || child.signal) throw new Error(`应用计算未完成 app compute did not finish (${mode}, ${store}): ${child.error?.message ?? child.signal}`);
  if (child.status !== 0) throw new Error(`应用计算失败 app compute failed (${mode}, ${store}), exit ${child.status}`);
  return child.stdout.trim().split("\n").map((line) => JSON.parse(line) as AppRun);
}
