import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ensureTool } from "./tools";

const CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync";
export const REPORT_DIR = "artifacts/bench-web";

interface Lhr {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { title: string; score: number | null; scoreDisplayMode: string; displayValue?: string;
    details?: { items?: { resourceType?: string; transferSize?: number; url?: string }[] } }>;
  runWarnings?: string[];
  finalDisplayedUrl?: string;
}

export interface FailingAudit {
  id: string;
  title: string;
  score: number;
  weight: number;
  displayValue: string;
}
export interface LighthouseFigures {
  path: string;
  report: string;
  scores: Record<string, number | null>;
  failing: Record<string, FailingAudit[]>;
  warnings: string[];
  /** From the report's network log: what the browser really fetched, headers included. */
  network: { scripts: number; scriptBytes: number; rscFetches: number };
  /** Performance score of every run, in order; the figures above are the median run's. */
  performanceRuns: (number | null)[];
}

/** Audits of a category scoring under 0.9, heaviest weight first (metrics), then lowest score (diagnostics). */
function failingAudits(lhr: Lhr, category: string): FailingAudit[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  return refs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => audit && audit.score !== null && audit.score < 0.9 && !["notApplicable", "manual", "informative"].includes(audit.scoreDisplayMode))
    .map(({ ref, audit }) => ({ id: ref.id, title: audit!.title, score: audit!.score!, weight: ref.weight, displayValue: audit!.displayValue ?? "" }))
    .sort((a, b) => b.weight - a.weight || a.score - b.score);
}

/**
 * Lighthouse 12's CLI, desktop preset, against Debian's Chromium, `runs` times: Total Blocking Time depends on how
 * busy this 2-core machine is, so one run can swing the performance score by 30 points; the median run is kept.
 * Signed in: the session cookie goes with every request the browser makes (`--extra-headers`).
 */
export async function runLighthouse(base: string, path: string, name: string, cookie: string, runs = 3): Promise<LighthouseFigures> {
  mkdirSync(REPORT_DIR, { recursive: true });
  const all: LighthouseFigures[] = [];
  for (let i = 1; i <= runs; i++) {
    const report = join(REPORT_DIR, `lighthouse-${name}-${i}.json`);
    // Chromium sometimes loses the trace (NO_NAVSTART, "Please run Lighthouse again"): one more try, then give up.
    all.push(await lighthouseOnce(base, path, report, cookie).catch((error: unknown) => {
      console.log(`    run ${i} failed, trying again: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
      return lighthouseOnce(base, path, report, cookie);
    }));
  }
  const byScore = [...all].sort((a, b) => (a.scores.performance ?? -1) - (b.scores.performance ?? -1));
  return { ...byScore[Math.floor(runs / 2)]!, performanceRuns: all.map((r) => r.scores.performance ?? null) };
}

/** One run; its JSON report is kept for whoever fixes the findings. */
async function lighthouseOnce(base: string, path: string, report: string, cookie: string): Promise<LighthouseFigures> {
  const folder = ensureTool("lighthouse", "lighthouse@12", "node_modules/lighthouse/cli/index.js");
  const args = [join(folder, "node_modules/lighthouse/cli/index.js"), base + path, "--preset=desktop",
    "--only-categories=performance,accessibility", "--output=json", `--output-path=${report}`, "--quiet",
    `--chrome-flags=${CHROME_FLAGS}`, `--extra-headers=${JSON.stringify({ Cookie: cookie })}`];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
    // Bounded: a hung Chrome must not hang the benchmark (Lighthouse kills its Chrome when it exits).
    const timer = setTimeout(() => child.kill("SIGTERM"), 240_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`lighthouse ${path} exit ${code}: ${stderr.trim()}`));
    });
  });
  const lhr = JSON.parse(readFileSync(report, "utf8")) as Lhr;
  // A refused cookie would score the sign-in page instead.
  const landed = new URL(lhr.finalDisplayedUrl ?? base + path);
  if (landed.pathname !== new URL(base + path).pathname) throw new Error(`lighthouse ${path} 落在 landed on ${landed.pathname}: not signed in?`);
  const scores: Record<string, number | null> = {};
  const failing: Record<string, FailingAudit[]> = {};
  for (const category of ["performance", "accessibility"]) {
    const s = lhr.categories[category]?.score;
    scores[category] = s === null || s === undefined ? null : Math.round(s * 100);
    failing[category] = failingAudits(lhr, category);
  }
  const items = lhr.audits["network-requests"]?.details?.items ?? [];
  const scripts = items.filter((i) => i.resourceType === "Script");
  const network = { scripts: scripts.length, scriptBytes: scripts.reduce((n, i) => n + (i.transferSize ?? 0), 0),
    rscFetches: items.filter((i) => i.url?.includes("_rsc=")).length };
  return { path, report, scores, failing, warnings: lhr.runWarnings ?? [], network, performanceRuns: [scores.performance ?? null] };
}
