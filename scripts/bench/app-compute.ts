import { spawn } from "node:child_process";
import type { AppRun } from "./run-app-compute";

// A compute that stops answering fails the bench after this long instead of holding it for ever.
const TIMEOUT_MS = 15 * 60_000;

/**
 * The app's compute in a child process of its own (run-app-compute.ts), so no other work's memory counts as the
 * app's: `store` is a file path or a libSQL server's address. Asynchronous on purpose: while it runs, this process
 * must go on reading the output of the servers it started — a sqld whose log pipe is not drained blocks on its next
 * log line and stops answering everyone (what made the 5M city's compute on sqld hang, or fail with `fetch failed`).
 */
export function runAppCompute(store: string, mode: "full" | "months" | "items"): Promise<AppRun[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/run-app-compute.ts", store, mode], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.on("error", reject);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      if (status !== 0) {
        reject(new Error(`应用计算失败 app compute failed (${mode}, ${store}): ${signal ? `killed by ${signal} after ${TIMEOUT_MS / 60_000} min` : `exit ${status}`}`));
        return;
      }
      resolve(out.trim().split("\n").map((line) => JSON.parse(line) as AppRun));
    });
  });
}
