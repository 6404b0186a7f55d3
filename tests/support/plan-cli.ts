import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface CliRun { status: number | null; stdout: string; stderr: string }

/** Runs `tsx scripts/plan.ts ARGS` from the repository root without blocking, so tests can run several side by side. */
export function runPlanCli(...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["--no-install", "tsx", "scripts/plan.ts", ...args], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
