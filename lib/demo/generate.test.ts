import { createHash } from "node:crypto";
import { getTableName, type Table } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { validateUscc } from "@/lib/uscc";
import { generateDemoCity, type DemoOptions } from "./generate";
import type { RowSink } from "./sink";

class MemorySink implements RowSink {
  readonly rows = new Map<string, Record<string, unknown>[]>();
  add<T extends Table>(table: T, row: T["$inferInsert"]): void {
    const name = getTableName(table);
    if (!this.rows.has(name)) this.rows.set(name, []);
    this.rows.get(name)!.push(row as Record<string, unknown>);
  }
  async drain(): Promise<void> {}
  table(name: string) {
    return this.rows.get(name) ?? [];
  }
  digest(): string {
    return createHash("sha256").update(JSON.stringify([...this.rows])).digest("hex");
  }
}

async function generate(options: Partial<DemoOptions> = {}) {
  const sink = new MemorySink();
  await generateDemoCity({ seed: 7, entities: 20_000, endMonth: "2026-10", ...options }, sink);
  return sink;
}

describe("generateDemoCity", () => {
  it("is deterministic for a seed and differs between seeds", async () => {
    const [a, b, c] = await Promise.all([generate(), generate(), generate({ seed: 8 })]);
    expect(a.digest()).toBe(b.digest());
    expect(a.digest()).not.toBe(c.digest());
  });

  it("builds a city of about ten districts with towns and about thirty departments", async () => {
    const sink = await generate();
    const units = sink.table("org_units");
    expect(units.filter((u) => u.level === "city")).toHaveLength(1);
    expect(units.filter((u) => u.level === "district").length).toBeGreaterThanOrEqual(10);
    expect(units.filter((u) => u.level === "town").length).toBeGreaterThan(30);
    expect(sink.table("departments").length).toBeGreaterThanOrEqual(30);
    expect(sink.table("national_ranks")).toHaveLength(24);
    expect(sink.table("indicators")).toHaveLength(12);
  });

  it("issues valid codes from each district's division, with a few per ten thousand invalid or shared", async () => {
    const sink = await generate();
    const bodies = sink.table("entities");
    const codes = bodies.map((e) => e.uscc as string | null).filter((c): c is string => c !== null);
    const invalid = codes.filter((c) => !validateUscc(c).valid);
    const seen = new Map<string, number>();
    for (const c of codes) seen.set(c, (seen.get(c) ?? 0) + 1);
    const shared = codes.filter((c) => (seen.get(c) ?? 0) > 1);
    const perTenThousand = ((invalid.length + shared.length) / codes.length) * 10_000;
    expect(perTenThousand).toBeGreaterThan(0.5);
    expect(perTenThousand).toBeLessThan(15);
    const divisions = new Set(sink.table("org_units").filter((u) => u.level === "district").map((u) => u.code));
    const valid = codes.filter((c) => validateUscc(c).valid);
    expect(valid.every((c) => divisions.has(c.slice(2, 8)))).toBe(true);
  });

  it("reports about two 双公示 records per body, some late and some incomplete, varying by department", async () => {
    const sink = await generate();
    const records = sink.table("sgs_records");
    expect(records.length / 20_000).toBeGreaterThan(1.5);
    expect(records.length / 20_000).toBeLessThan(2.5);
    const late = records.filter((r) => {
      const days = (Date.parse(r.reportedDate as string) - Date.parse(r.decisionDate as string)) / 86_400_000;
      return days > 11;
    });
    expect(late.length / records.length).toBeGreaterThan(0.01);
    expect(late.length / records.length).toBeLessThan(0.15);
    const lateShareByDept = new Map<number, [number, number]>();
    for (const r of records) {
      const entry = lateShareByDept.get(r.departmentId as number) ?? [0, 0];
      entry[1]++;
      if (late.includes(r)) entry[0]++;
      lateShareByDept.set(r.departmentId as number, entry);
    }
    const shares = [...lateShareByDept.values()].filter(([, n]) => n > 200).map(([l, n]) => l / n);
    expect(Math.max(...shares) - Math.min(...shares)).toBeGreaterThan(0.03);
    expect(records.some((r) => r.kind === "penalty" && r.legalBasis === null)).toBe(true);
  });

  it("makes 信易贷 enrolment grow and keeps a handful of government-default cases", async () => {
    const sink = await generate();
    const enrolled = sink.table("xyd_enrolments").map((e) => e.enrolledOn as string);
    const byEnd = (month: string) => enrolled.filter((d) => d <= `${month}-31`).length;
    expect(byEnd("2026-10")).toBeGreaterThan(byEnd("2025-10"));
    expect(byEnd("2025-10")).toBeGreaterThan(byEnd("2024-11"));
    const cases = sink.table("gov_default_cases");
    expect(cases.length).toBeGreaterThanOrEqual(5);
    expect(cases.length).toBeLessThanOrEqual(20);
    expect(cases.some((c) => c.closedOn !== null)).toBe(true);
  });
});
