import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoCity } from "@/lib/demo/load-demo";

const dir = mkdtempSync(join(tmpdir(), "credit-compute-cli-"));
const url = `file:${join(dir, "demo.db")}`;
beforeAll(async () => {
  await loadDemoCity({ url }, { seed: 5, entities: 1_500, endMonth: "2026-10" });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync("npx", ["--no-install", "tsx", "scripts/compute.ts", ...args], {
    encoding: "utf8", env: { ...process.env, DATABASE_URL: url }, maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run compute", { timeout: 60_000 }, () => {
  it("recomputes one month and prints its values as JSON for other tools", () => {
    const r = run(["--month", "2026-10", "--json"]);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as { month: string; orgUnit: { code: string; name: string; level: string }; indicator: string; numerator: number; denominator: number | null; value: number | null }[];
    expect(rows).toHaveLength(55 * 12);
    expect(new Set(rows.map((x) => x.month))).toEqual(new Set(["2026-10"]));
    const city = rows.find((x) => x.orgUnit.level === "city" && x.indicator === "sgs_timeliness_rate");
    expect(city).toMatchObject({ orgUnit: { code: "339900", name: "示范市", level: "city" } });
    expect(city!.value).toBeCloseTo((city!.numerator / city!.denominator!) * 100, 3);
  });

  it("recomputes every month and says so in Chinese; rejects a malformed month", () => {
    const all = run([]);
    expect(all.status).toBe(0);
    expect(all.stdout).toMatch(/已计算 2024-11 至 2026-10：指标值 15840 个/);
    const bad = run(["--month", "2026-13"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--month 应为 YYYY-MM");
  });
});
