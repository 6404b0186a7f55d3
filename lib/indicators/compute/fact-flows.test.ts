import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@libsql/client";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "@/db/migrate";
import { entities, orgUnits, taxRatings, xydEnrolments, xydLoans } from "@/db/schema";
import { monthRange, type IsoMonth } from "@/lib/dates";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { makeCity, validCode, type TestCity } from "@/tests/support/factories";
import { countEnterpriseFacts } from "./enterprise-facts";
import { countEntityFacts } from "./entity-facts";
import { FACT_FLOWS_MIGRATION, factFlowsMigrationSql, factTriggersSql, rebuildFactFlowsSql } from "./fact-flows";
import { frequentPenaltyTriggersSql } from "./frequent-penalty-candidates";
import { sgsMonthFactsTriggersSql } from "./sgs-month-facts";
import { IntervalCounter, MonthGrid } from "./grid";
import { UnitIndex } from "./units";

let t: TestDb;
beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.cleanup());

describe("the fact-flow migration", () => {
  it("is exactly what the generator writes, and the migrated store holds exactly the generated triggers", async () => {
    const migration = readFileSync(join(MIGRATIONS_FOLDER, `${FACT_FLOWS_MIGRATION}.sql`), "utf8");
    expect(migration).toBe(factFlowsMigrationSql());
    // After every migration: a later one that rebuilds a table (SQLite drops its triggers) or changes what the
    // triggers read must install regenerated triggers, in a migration of its own named by FACT_FLOWS_MIGRATION.
    const triggers = await t.db.$client.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name");
    expect(triggers.rows.map((r) => String(r.sql)).sort()).toEqual([...factTriggersSql(), ...sgsMonthFactsTriggersSql(), ...frequentPenaltyTriggersSql()].sort());
  });
});

/** Net flows per fact, unit and month, zero rows left out (the triggers may leave them). */
async function netFlows(client: Client): Promise<Record<string, number>> {
  const rows = await client.execute("SELECT fact, district_id, town_id, month, n FROM fact_flows WHERE n <> 0 ORDER BY 1, 2, 3, 4");
  return Object.fromEntries(rows.rows.map((r) => [`${r.fact}|${r.district_id}|${r.town_id}|${r.month}`, Number(r.n)]));
}

/** Compares the trigger-kept flows with a rebuild from the records (which then replaces them). */
async function expectFlowsEqualRebuild(client: Client, step: string) {
  const kept = await netFlows(client);
  const candidates = await client.execute("SELECT uscc FROM shared_code_candidates");
  await client.batch(rebuildFactFlowsSql(), "write");
  expect(kept, step).toEqual(await netFlows(client));
  // The kept candidates may include codes that have since lost a holder, never miss one.
  const rebuilt = await client.execute("SELECT uscc FROM shared_code_candidates");
  expect(candidates.rows.map((r) => r.uscc), step).toEqual(expect.arrayContaining(rebuilt.rows.map((r) => r.uscc)));
}

// The engine's full-scan queries before the flows, kept here as the reference the flows must reproduce.
const num = (v: unknown) => Number(v ?? 0);
const idOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

async function referenceCounts(client: Client, grid: MonthGrid, units: UnitIndex): Promise<Record<string, IntervalCounter>> {
  const make = () => new IntervalCounter(units.size, grid.size);
  const c = { withCode: make(), badCode: make(), liveEnterprises: make(), enrolled: make(), verified: make(), verifiedWithLoan: make(), taxA: make() };
  const alive = await client.execute({
    sql: `SELECT district_id, town_id, kind = 'enterprise' AS enterprise, uscc_failures IS NOT NULL AS has_code,
            (uscc_failures IS NOT NULL AND uscc_failures <> '[]') AS invalid,
            ${grid.sqlIndex("registered_on")} AS f, ${grid.sqlIndex("exited_on")} AS t, count(*) AS n
          FROM entities WHERE registered_on <= ? AND (exited_on IS NULL OR exited_on > ?)
          GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    args: [grid.lastEnd, grid.firstStart],
  });
  for (const r of alive.rows) {
    const chain = units.chain(idOrNull(r.district_id), idOrNull(r.town_id));
    const [f, to, n] = [num(r.f), num(r.t), num(r.n)];
    if (num(r.enterprise)) c.liveEnterprises.add(chain, f, to, n);
    if (num(r.has_code)) c.withCode.add(chain, f, to, n);
    if (num(r.invalid)) c.badCode.add(chain, f, to, n);
  }
  const shared = await client.execute(`SELECT uscc, district_id, town_id, ${grid.sqlIndex("registered_on")} AS f, ${grid.sqlIndex("exited_on")} AS t
    FROM entities WHERE uscc IN (SELECT uscc FROM entities WHERE uscc IS NOT NULL GROUP BY uscc HAVING count(*) > 1)
      AND (uscc_failures IS NULL OR uscc_failures = '[]') ORDER BY uscc, id`);
  const groups = new Map<string, { chain: number[]; f: number; t: number }[]>();
  for (const r of shared.rows) {
    const members = groups.get(String(r.uscc)) ?? [];
    members.push({ chain: units.chain(idOrNull(r.district_id), idOrNull(r.town_id)), f: num(r.f), t: num(r.t) });
    groups.set(String(r.uscc), members);
  }
  for (const members of groups.values()) {
    for (let k = 0; k < grid.size; k++) {
      const living = members.filter((m) => m.f <= k && k < m.t);
      if (living.length >= 2) for (const m of living) c.badCode.addAt(m.chain, k);
    }
  }
  const xyd = await client.execute({
    sql: `SELECT e.district_id, e.town_id,
            max(${grid.sqlIndex("e.registered_on")}, ${grid.sqlIndex("x.enrolled_on")}) AS fe,
            max(${grid.sqlIndex("e.registered_on")}, ${grid.sqlIndex("x.verified_on")}) AS fv,
            max(${grid.sqlIndex("e.registered_on")}, ${grid.sqlIndex("x.verified_on")}, ${grid.sqlIndex("l.first_loan")}) AS fl,
            ${grid.sqlIndex("e.exited_on")} AS t, count(*) AS n
          FROM xyd_enrolments x
          JOIN entities e ON e.id = x.entity_id AND e.kind = 'enterprise'
          LEFT JOIN (SELECT entity_id, min(granted_on) AS first_loan FROM xyd_loans GROUP BY entity_id) l ON l.entity_id = x.entity_id
          WHERE x.enrolled_on <= ? AND (e.exited_on IS NULL OR e.exited_on > ?)
          GROUP BY 1, 2, 3, 4, 5, 6`,
    args: [grid.lastEnd, grid.firstStart],
  });
  for (const r of xyd.rows) {
    const chain = units.chain(idOrNull(r.district_id), idOrNull(r.town_id));
    c.enrolled.add(chain, num(r.fe), num(r.t), num(r.n));
    c.verified.add(chain, num(r.fv), num(r.t), num(r.n));
    c.verifiedWithLoan.add(chain, num(r.fl), num(r.t), num(r.n));
  }
  const ratings = await client.execute({
    sql: `SELECT e.district_id, e.town_id,
            max(${grid.sqlIndex("e.registered_on")}, ${grid.sqlIndex("r.published_on")}) AS f,
            min(${grid.sqlIndex("e.exited_on")}, ${grid.sqlIndex("r.next_published")}) AS t, count(*) AS n
          FROM (
            SELECT a.entity_id, a.published_on,
              (SELECT n.published_on FROM tax_ratings n
                WHERE n.entity_id = a.entity_id AND (n.published_on, n.rating_year) > (a.published_on, a.rating_year)
                ORDER BY n.published_on, n.rating_year LIMIT 1) AS next_published
            FROM tax_ratings a WHERE a.grade = 'A' AND a.published_on <= ?) r
          JOIN entities e ON e.id = r.entity_id AND e.kind = 'enterprise'
          WHERE e.exited_on IS NULL OR e.exited_on > ?
          GROUP BY 1, 2, 3, 4`,
    args: [grid.lastEnd, grid.firstStart],
  });
  for (const r of ratings.rows) c.taxA.add(units.chain(idOrNull(r.district_id), idOrNull(r.town_id)), num(r.f), num(r.t), num(r.n));
  for (const counter of Object.values(c)) counter.finish();
  return c;
}

/** Every count of every unit and month, as the engine computes it and as the reference does. */
async function expectCountsEqualReference(client: Client, units: UnitIndex, months: IsoMonth[], step: string) {
  const grid = new MonthGrid(months);
  const engine: Record<string, IntervalCounter> = { ...(await countEntityFacts(client, grid, units)), ...(await countEnterpriseFacts(client, grid, units)) };
  const reference = await referenceCounts(client, grid, units);
  const table = (counters: Record<string, IntervalCounter>) => Object.keys(reference).map((fact) =>
    units.units.map((unit, u) => `${fact} ${unit.name}: ${months.map((_, k) => counters[fact]!.get(u, k)).join(" ")}`)).flat();
  expect(table(engine), step).toEqual(table(reference));
}

/** A small deterministic generator, so a failing sequence can be replayed. */
function randomSource(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)] as T;
  const date = (fromYear = 2019, years = 8) => `${fromYear + int(years)}-${String(1 + int(12)).padStart(2, "0")}-${String(1 + int(28)).padStart(2, "0")}`;
  return { next, int, pick, date };
}

describe("trigger-kept fact flows", () => {
  it("equal a rebuild after any sequence of record changes, and give the counts the full scans gave", async () => {
    const city: TestCity = await makeCity(t.db, ["甲区", "乙县", "丙区"]);
    const units = new UnitIndex(await t.db.select().from(orgUnits));
    const rnd = randomSource(20_261);
    // Mostly codes of their own, so a code becomes shared by an insert or an update of another body.
    const newCode = () => rnd.pick([validCode(), validCode(), validCode(), "91339902MA0000001X", null]);
    const failuresOf = (code: string | null) => (code === null ? null : code.endsWith("X") ? '["check_digit"]' : "[]");
    const place = () => {
      const district = rnd.pick(city.districts);
      return { districtId: district.id, townId: rnd.next() < 0.3 ? null : rnd.pick(district.townIds) };
    };
    const ids: number[] = [];
    const addEntity = async () => {
      const uscc = newCode();
      const registeredOn = rnd.date(2018, 8);
      const exited = rnd.next() < 0.3;
      const [row] = await t.db.insert(entities).values({
        name: `主体${ids.length}`, kind: rnd.pick(["enterprise", "enterprise", "individual_business", "public_body"] as const), ...place(),
        registeredOn, exitedOn: exited ? rnd.date(2020, 7) : null, exitKind: exited ? "deregistered" : null,
        uscc, usccFailures: failuresOf(uscc),
      }).returning();
      ids.push(row!.id);
      return row!.id;
    };
    for (let i = 0; i < 40; i++) await addEntity();
    await expectFlowsEqualRebuild(t.db.$client, "after the first inserts");

    const entityId = () => rnd.pick(ids);
    const enrolmentOf = async (id: number) => (await t.db.select().from(xydEnrolments).where(eq(xydEnrolments.entityId, id)))[0];
    const operations: [string, () => Promise<unknown>][] = [
      ["insert a body", addEntity],
      ["set an exit date", () => t.db.update(entities).set({ exitedOn: rnd.date(2021, 6), exitKind: "revoked" }).where(eq(entities.id, entityId()))],
      ["clear an exit date", () => t.db.update(entities).set({ exitedOn: null, exitKind: null }).where(eq(entities.id, entityId()))],
      ["move a body", () => t.db.update(entities).set(place()).where(eq(entities.id, entityId()))],
      ["change a kind", () => t.db.update(entities).set({ kind: rnd.pick(["enterprise", "social_org"] as const) }).where(eq(entities.id, entityId()))],
      ["re-register", () => t.db.update(entities).set({ registeredOn: rnd.date(2018, 8) }).where(eq(entities.id, entityId()))],
      ["give a body another's code", async () => {
        const [other] = await t.db.select({ uscc: entities.uscc }).from(entities).where(eq(entities.id, entityId()));
        const uscc = rnd.next() < 0.7 ? other!.uscc : newCode();
        await t.db.update(entities).set({ uscc, usccFailures: failuresOf(uscc) }).where(eq(entities.id, entityId()));
      }],
      ["forget a code check", () => t.db.update(entities).set({ usccFailures: null }).where(eq(entities.id, entityId()))],
      ["enrol", async () => {
        const id = entityId();
        if (await enrolmentOf(id)) return;
        const enrolledOn = rnd.date(2020, 6);
        // Verification follows enrolment, as on the platform.
        const verifiedOn = rnd.next() < 0.6 ? `${Number(enrolledOn.slice(0, 4)) + rnd.int(2)}${enrolledOn.slice(4)}` : null;
        await t.db.insert(xydEnrolments).values({ entityId: id, enrolledOn, verifiedOn });
      }],
      ["verify or unverify", async () => {
        const enrolment = await enrolmentOf(entityId());
        if (!enrolment) return;
        const verifiedOn = rnd.next() < 0.5 ? null : `${Number(enrolment.enrolledOn.slice(0, 4)) + 1}${enrolment.enrolledOn.slice(4)}`;
        await t.db.update(xydEnrolments).set({ verifiedOn }).where(eq(xydEnrolments.id, enrolment.id));
      }],
      ["withdraw an enrolment", async () => {
        const enrolment = await enrolmentOf(entityId());
        if (enrolment) await t.db.delete(xydEnrolments).where(eq(xydEnrolments.id, enrolment.id));
      }],
      ["grant a loan", async () => {
        const id = entityId();
        const [first] = await t.db.select().from(xydLoans).where(eq(xydLoans.entityId, id)).orderBy(xydLoans.grantedOn).limit(1);
        // Half the time earlier than the first loan so far, which moves the start of 获贷.
        const grantedOn = first && rnd.next() < 0.5 ? `${Number(first.grantedOn.slice(0, 4)) - 1}${first.grantedOn.slice(4)}` : rnd.date(2020, 6);
        await t.db.insert(xydLoans).values({ entityId: id, grantedOn, amountWan: 10 });
      }],
      ["move or delete a loan", async () => {
        const [loan] = await t.db.select().from(xydLoans).limit(1).offset(rnd.int(3));
        if (!loan) return;
        if (rnd.next() < 0.5) await t.db.update(xydLoans).set({ grantedOn: rnd.date(2020, 6), entityId: entityId() }).where(eq(xydLoans.id, loan.id));
        else await t.db.delete(xydLoans).where(eq(xydLoans.id, loan.id));
      }],
      ["publish a rating", async () => {
        // Half the time an enterprise already rated, whose latest rating the new one may end.
        const [rated] = await t.db.select({ entityId: taxRatings.entityId }).from(taxRatings).limit(1).offset(rnd.int(20));
        const id = rated && rnd.next() < 0.5 ? rated.entityId : entityId();
        const ratingYear = 2018 + rnd.int(8);
        const existing = await t.db.select().from(taxRatings).where(eq(taxRatings.entityId, id));
        if (existing.some((r) => r.ratingYear === ratingYear)) return;
        // Sometimes the same day as another rating of the enterprise (a same-day later or earlier year).
        const sameDay = existing.length > 0 && rnd.next() < 0.4 ? rnd.pick(existing).publishedOn : null;
        await t.db.insert(taxRatings).values({
          entityId: id, ratingYear, grade: rnd.pick(["A", "A", "B", "C"] as const), publishedOn: sameDay ?? `${ratingYear + 1}-04-${String(1 + rnd.int(28)).padStart(2, "0")}`,
        });
      }],
      ["regrade or delete a rating", async () => {
        const [rating] = await t.db.select().from(taxRatings).limit(1).offset(rnd.int(5));
        if (!rating) return;
        if (rnd.next() < 0.6) await t.db.update(taxRatings).set({ grade: rnd.pick(["A", "B", "D"] as const) }).where(eq(taxRatings.id, rating.id));
        else await t.db.delete(taxRatings).where(eq(taxRatings.id, rating.id));
      }],
      // Upserts fire the insert triggers' BEFORE side and then the update triggers; ignored inserts change nothing.
      ["upsert a rating", async () => {
        const [rating] = await t.db.select().from(taxRatings).limit(1).offset(rnd.int(10));
        if (!rating) return;
        const change = { grade: rnd.pick(["A", "C"] as const), publishedOn: rnd.next() < 0.5 ? rating.publishedOn : rnd.date(2020, 6) };
        await t.db.insert(taxRatings).values({ entityId: rating.entityId, ratingYear: rating.ratingYear, ...change })
          .onConflictDoUpdate({ target: [taxRatings.entityId, taxRatings.ratingYear], set: change });
      }],
      ["enrol unless enrolled", () => t.db.insert(xydEnrolments).values({ entityId: entityId(), enrolledOn: rnd.date(2020, 6) }).onConflictDoNothing()],
      ["upsert a body", async () => {
        const id = entityId();
        const [body] = await t.db.select().from(entities).where(eq(entities.id, id));
        if (!body) return;
        const change = { ...place(), exitedOn: rnd.next() < 0.5 ? null : rnd.date(2021, 6) };
        await t.db.insert(entities).values({ ...body, ...change }).onConflictDoUpdate({ target: entities.id, set: change });
      }],
      ["delete a body and its records", async () => {
        const id = ids.splice(rnd.int(ids.length), 1)[0]!;
        await t.db.delete(xydLoans).where(eq(xydLoans.entityId, id));
        await t.db.delete(xydEnrolments).where(eq(xydEnrolments.entityId, id));
        await t.db.delete(taxRatings).where(eq(taxRatings.entityId, id));
        await t.db.delete(entities).where(eq(entities.id, id));
      }],
    ];
    const done = new Map<string, number>();
    for (let step = 1; step <= 600; step++) {
      // Records hanging off the bodies get changed as often as the bodies, so enterprises collect several.
      const [name, run] = rnd.next() < 0.5 ? rnd.pick(operations) : rnd.pick(operations.slice(8, 18));
      await run();
      done.set(name, (done.get(name) ?? 0) + 1);
      if (step % 50 === 0) {
        const label = `after ${step} changes`;
        await expectFlowsEqualRebuild(t.db.$client, label);
        await expectCountsEqualReference(t.db.$client, units, monthRange("2023-11", "2025-10"), `${label}, 24 months`);
        await expectCountsEqualReference(t.db.$client, units, ["2025-10"], `${label}, one month`);
        await expectCountsEqualReference(t.db.$client, units, ["2021-06"], `${label}, an early month`);
      }
    }
    // Every kind of change happened, and the data still has each fact to count.
    expect([...done.keys()].sort()).toEqual(operations.map(([name]) => name).sort());
    const facts = await t.db.$client.execute("SELECT DISTINCT fact FROM fact_flows WHERE n <> 0");
    expect(facts.rows).toHaveLength(7);
  });
});
