import {
  appMeta, cityMaps, decisionCounts, departments, entities, indicators, nationalRanks, orgUnits, sgsRecords,
  type EntityKind, type SgsKind,
} from "@/db/schema";
import { fromDayNumber, monthOf, monthRange, type IsoMonth } from "@/lib/dates";
import { DEFAULT_CATALOGUE } from "@/lib/indicators/catalogue";
import { DEMO_CITY, DEMO_DEPARTMENTS, DEMO_DISTRICTS, townCode, type DemoDistrict } from "./city";
import { corruptCode, orgBodyFor, validCode } from "./codes";
import { enterpriseName, individualBusinessName, personName, publicBodyName, socialOrgName } from "./names";
import { cumulativeWeights, Random } from "./random";
import { buildSgsRecord, type SgsDepartment, type SgsSubject } from "./sgs";
import { createWorkCalendar } from "@/lib/calendar";
import { deriveSgsFacts } from "@/lib/sgs";
import { validateUscc } from "@/lib/uscc";
import { addEnterprisePrograms, ProgramIds } from "./programs";
import { addGovDefaultCases, type DebtorCandidate } from "./gov-default";
import { Timeline } from "./timeline";
import { demoCityGeoJson, demoTownGeoJson } from "./geo";
import type { RowSink } from "./sink";

export interface DemoOptions {
  seed: number;
  entities: number;
  endMonth: IsoMonth;
  months?: number;
}

export interface DistrictState {
  id: number;
  def: DemoDistrict;
  towns: { id: number; code: string; name: string }[];
}

const KIND_WEIGHTS = cumulativeWeights([0.52, 0.42, 0.03, 0.03]);
const KINDS: EntityKind[] = ["enterprise", "individual_business", "public_body", "social_org"];
// Expected 双公示 decisions per active month, by kind of body: about two records per body over the history.
const DECISIONS_PER_MONTH: Record<EntityKind, number> = {
  enterprise: 0.135, individual_business: 0.075, public_body: 0.02, social_org: 0.02,
};

/**
 * Generates the fictional 示范市 into `sink`, deterministically for a seed and end month.
 * Bodies are generated one at a time with everything that hangs off them, so memory stays flat
 * however many bodies are asked for.
 */
export async function generateDemoCity(options: DemoOptions, sink: RowSink): Promise<void> {
  const rng = new Random(options.seed);
  const calendar = createWorkCalendar();
  // The demo is a snapshot taken on the 10th of the month after its last month.
  const snapshotDay = timelineSnapshot(options);
  const timeline = new Timeline(options.endMonth, options.months ?? 24);
  const districts = addOrgUnits(sink);
  const depts = addDepartments(sink);
  for (const indicator of DEFAULT_CATALOGUE) sink.add(indicators, indicator);
  addNationalRanks(rng, sink, timeline);

  const districtWeights = cumulativeWeights(districts.map((d) => d.def.share));
  const licensing = depts.filter((d) => (d.def.licenses ?? 0) > 0);
  const penalising = depts.filter((d) => (d.def.penalties ?? 0) > 0);
  const licenseWeights = cumulativeWeights(licensing.map((d) => d.def.licenses ?? 0));
  const penaltyWeights = cumulativeWeights(penalising.map((d) => d.def.penalties ?? 0));
  const decisions = new Map<string, number>();
  const serials = new Map<string, number>();
  const recentCodes: string[] = [];
  const debtors: DebtorCandidate[] = [];
  const deptByCode = new Map(depts.map((d) => [d.def.code, d.record]));
  const programIds = new ProgramIds();
  let sgsId = 0;

  const addDecision = (kind: SgsKind, dept: SgsDepartment, subject: SgsSubject, day: number, district: DistrictState) => {
    const month = monthOf(fromDayNumber(day));
    const key = `${month}|${kind}|${dept.id}|${subject.districtId}`;
    decisions.set(key, (decisions.get(key) ?? 0) + 1);
    const quality = timeline.quality(district.def, day);
    // Careless departments in weak districts report less, later and with more defects.
    if (rng.chance(0.05 * dept.carelessness * (1.25 - quality))) return;
    const late = rng.chance(0.15 * dept.carelessness * (1.4 - quality));
    const reportedDay = day + (late ? 12 + Math.floor(rng.exponential(20)) : rng.int(0, 8));
    if (reportedDay > snapshotDay) return; // not reported yet when the snapshot was taken
    const serialKey = `${dept.id}|${kind}|${day >> 9}`;
    const serial = (serials.get(serialKey) ?? 0) + 1;
    serials.set(serialKey, serial);
    const faulty = rng.chance(0.1 * dept.carelessness * (1.3 - quality));
    const record = buildSgsRecord(rng, kind, dept, subject, day, reportedDay, serial, faulty);
    sink.add(sgsRecords, { id: ++sgsId, ...record, ...deriveSgsFacts(record, calendar, fromDayNumber(snapshotDay)) });
  };

  for (let i = 0; i < options.entities; i++) {
    const district = districts[rng.weightedIndex(districtWeights)] as DistrictState;
    const town = rng.pick(district.towns);
    const kind = KINDS[rng.weightedIndex(KIND_WEIGHTS)] as EntityKind;
    const ageDays = Math.floor(rng.exponential(kind === "individual_business" ? 1500 : 2600));
    const registeredDay = timeline.endDay - Math.min(ageDays, 365 * 30);
    const lifeDays = Math.floor(rng.exponential(kind === "enterprise" ? 6000 : 4000));
    const exitDay = registeredDay + 60 + lifeDays <= timeline.endDay ? registeredDay + 60 + lifeDays : null;
    const id = i + 1;
    const code = makeCode(rng, timeline, district, kind, registeredDay, id, recentCodes);
    const name = entityName(rng, kind, district, town.name);
    const stateOwned = kind === "enterprise" && rng.chance(0.015);
    sink.add(entities, {
      id, uscc: code, usccFailures: code === null ? null : JSON.stringify(validateUscc(code).reasons.map((r) => r.reason)),
      name, kind, districtId: district.id, townId: town.id,
      registeredOn: fromDayNumber(registeredDay), exitedOn: exitDay === null ? null : fromDayNumber(exitDay),
      exitKind: exitDay === null ? null : rng.chance(0.8) ? "deregistered" : "revoked", stateOwned,
    });
    if (kind === "public_body" || stateOwned) debtors.push({ name, code, kind, districtId: district.id, districtName: district.def.name });

    // 双公示 decisions about this body while it was active within the record history.
    const activeFrom = Math.max(registeredDay, timeline.recordsFromDay);
    const activeTo = Math.min(exitDay ?? timeline.endDay, timeline.endDay);
    if (activeTo > activeFrom) {
      const subject: SgsSubject = {
        entityId: id, name, kind: kind === "individual_business" ? "individual_business" : "legal_person",
        code, division: district.def.code, districtId: district.id, townId: town.id,
      };
      const count = rng.poisson((DECISIONS_PER_MONTH[kind] * (activeTo - activeFrom)) / 30.4);
      for (let r = 0; r < count; r++) {
        const day = activeFrom + rng.int(0, activeTo - activeFrom);
        const isPenalty = rng.chance(0.14);
        const dept = isPenalty ? penalising[rng.weightedIndex(penaltyWeights)] : licensing[rng.weightedIndex(licenseWeights)];
        // Some licences and penalties concern a natural person living in the same town.
        const who = rng.chance(0.08) ? naturalPerson(rng, subject) : subject;
        addDecision(isPenalty ? "penalty" : "license", (dept as DeptState).record, who, day, district);
      }
      // A few enterprises are penalised again and again: the 高频失信 indicator looks for them.
      if (kind === "enterprise" && rng.chance(0.0004 * (1.3 - timeline.quality(district.def, activeTo)))) {
        for (let r = rng.int(4, 7); r > 0; r--) {
          const dept = penalising[rng.weightedIndex(penaltyWeights)] as DeptState;
          addDecision("penalty", dept.record, subject, activeFrom + rng.int(0, activeTo - activeFrom), district);
        }
      }
    }
    if (kind === "enterprise") {
      addEnterprisePrograms(rng, sink, timeline, { id, district: district.def, registeredDay, exitDay }, deptByCode, programIds);
    }
    if ((i & 1023) === 0) await sink.drain();
  }

  let decisionId = 0;
  for (const [key, count] of decisions) {
    const [month, kind, departmentId, orgUnitId] = key.split("|");
    sink.add(decisionCounts, {
      id: ++decisionId, month: month as string, kind: kind as SgsKind,
      departmentId: Number(departmentId), orgUnitId: Number(orgUnitId), decisions: count,
    });
  }
  addGovDefaultCases(rng, sink, timeline, debtors);
  sink.add(cityMaps, { id: 1, name: DEMO_CITY.name, level: "district", geoJson: JSON.stringify(demoCityGeoJson()), uploadedOn: fromDayNumber(snapshotDay) });
  sink.add(cityMaps, { id: 2, name: `${DEMO_CITY.name}镇街`, level: "town", geoJson: JSON.stringify(demoTownGeoJson()), uploadedOn: fromDayNumber(snapshotDay) });
  sink.add(appMeta, { key: "dataset", value: "demo" });
  sink.add(appMeta, { key: "demo_seed", value: String(options.seed) });
  sink.add(appMeta, { key: "latest_month", value: options.endMonth });
  await sink.drain();
}

function timelineSnapshot(options: DemoOptions): number {
  return new Timeline(options.endMonth, options.months ?? 24).endDay + 10;
}

interface DeptState {
  def: (typeof DEMO_DEPARTMENTS)[number];
  record: SgsDepartment;
}

function addOrgUnits(sink: RowSink): DistrictState[] {
  let id = 1;
  sink.add(orgUnits, { id, code: DEMO_CITY.code, name: DEMO_CITY.name, level: "city", sortOrder: 0 });
  const cityId = id;
  return DEMO_DISTRICTS.map((def, d) => {
    const districtId = ++id;
    sink.add(orgUnits, {
      id: districtId, code: def.code, name: def.name, level: "district", districtKind: def.kind,
      parentId: cityId, sortOrder: d + 1,
    });
    const towns = def.towns.map((name, t) => {
      const town = { id: ++id, code: townCode(def, t), name };
      sink.add(orgUnits, { ...town, level: "town", parentId: districtId, sortOrder: t + 1 });
      return town;
    });
    return { id: districtId, def, towns };
  });
}

function addDepartments(sink: RowSink): DeptState[] {
  return DEMO_DEPARTMENTS.map((def, i) => {
    const id = i + 1;
    sink.add(departments, {
      id, code: def.code, name: def.name, shortName: def.shortName,
      registersAuthority: def.registersAuthority ?? null, sortOrder: id,
    });
    return {
      def,
      record: {
        id, code: def.code, name: def.name, carelessness: def.carelessness ?? 0.5,
        abbreviation: `示${def.shortName.replace(/^市/, "").slice(0, 2)}`,
        // Government departments hold 11-codes (机关) registered by the 编办.
        uscc: validCode("1", "1", DEMO_CITY.code, orgBodyFor(90_000_000 + id, true)),
      },
    };
  });
}

function addNationalRanks(rng: Random, sink: RowSink, timeline: Timeline): void {
  let rank = 128;
  for (const month of monthRange(timeline.startMonth, timeline.endMonth)) {
    rank = Math.max(1, Math.min(261, rank + rng.int(-9, 5)));
    sink.add(nationalRanks, { month, rank, totalCities: 261, score: Math.round((85 - rank / 20) * 100) / 100 });
  }
}

const AUTHORITY: Record<EntityKind, [string, string[]]> = {
  enterprise: ["9", ["1"]],
  individual_business: ["9", ["2"]],
  public_body: ["1", ["1", "2"]],
  social_org: ["5", ["1", "2", "3"]],
};

function makeCode(
  rng: Random, timeline: Timeline, district: DistrictState, kind: EntityKind,
  registeredDay: number, id: number, recentCodes: string[],
): string | null {
  // Some old 个体工商户 never got a code.
  if (kind === "individual_business" && rng.chance(0.004)) return null;
  const [authority, bodyKinds] = AUTHORITY[kind];
  const oldStyle = registeredDay < 16_436; // 2015-01-01, when codes replaced the old registration numbers
  let code = validCode(authority, rng.pick(bodyKinds), district.def.code, orgBodyFor(id, oldStyle));
  const sloppiness = 1.1 - timeline.quality(district.def, registeredDay);
  if (rng.chance(0.0004 * sloppiness)) code = corruptCode(rng, code);
  else if (recentCodes.length > 0 && rng.chance(0.00015 * sloppiness)) code = rng.pick(recentCodes);
  if (recentCodes.length < 500) recentCodes.push(code);
  else recentCodes[id % 500] = code;
  return code;
}

function entityName(rng: Random, kind: EntityKind, district: DistrictState, townName: string): string {
  const place = district.def.name.replace(/(区|县|市)$/, "");
  if (kind === "enterprise") return enterpriseName(rng, place.startsWith("示范") ? place : `示范${place}`);
  if (kind === "individual_business") return individualBusinessName(rng, `${place}${townName.replace(/(街道|镇|乡)$/, "")}`);
  if (kind === "public_body") return publicBodyName(rng, `${district.def.name}${townName}`);
  return socialOrgName(rng, district.def.name);
}

function naturalPerson(rng: Random, subject: SgsSubject): SgsSubject {
  return { ...subject, entityId: null, name: personName(rng), kind: "natural_person", code: null };
}
