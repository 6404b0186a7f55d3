import { blacklistEntries, taxRatings, xydEnrolments, xydLoans } from "@/db/schema";
import { dayNumber, fromDayNumber } from "@/lib/dates";
import type { DemoDistrict } from "./city";
import { DEMO_LIST_KINDS } from "./city";
import { cumulativeWeights, type Random } from "./random";
import type { SgsDepartment } from "./sgs";
import type { RowSink } from "./sink";
import type { Timeline } from "./timeline";

export interface EnterpriseFacts {
  id: number;
  district: DemoDistrict;
  registeredDay: number;
  exitDay: number | null;
}

const XYD_LAUNCH_DAY = dayNumber("2020-06-01");
const LIST_WEIGHTS = cumulativeWeights(DEMO_LIST_KINDS.map((k) => k.share));
/** Running row ids of the tables filled here, owned by one generation run. */
export class ProgramIds {
  enrolment = 0;
  loan = 0;
  rating = 0;
  listing = 0;
}

/** An enterprise's 信易贷 enrolment and loans, annual tax ratings and 严重失信 listings. */
export function addEnterprisePrograms(
  rng: Random, sink: RowSink, timeline: Timeline, firm: EnterpriseFacts,
  deptByCode: Map<string, SgsDepartment>, ids: ProgramIds,
): void {
  const lastDay = Math.min(firm.exitDay ?? timeline.endDay, timeline.endDay);
  addXyd(rng, sink, timeline, firm, lastDay, ids);
  addTaxRatings(rng, sink, timeline, firm, ids);
  addListings(rng, sink, timeline, firm, lastDay, deptByCode, ids);
}

function addXyd(rng: Random, sink: RowSink, timeline: Timeline, firm: EnterpriseFacts, lastDay: number, ids: ProgramIds): void {
  const from = Math.max(firm.registeredDay, XYD_LAUNCH_DAY);
  if (lastDay <= from || !rng.chance(0.1 + 0.3 * timeline.quality(firm.district, timeline.endDay))) return;
  // Skewed towards recent days: enrolment keeps growing, faster where the district pushes it.
  const enrolledDay = from + Math.floor((lastDay - from) * Math.pow(rng.next(), 0.55 + 0.6 * firm.district.trend));
  let verifiedDay: number | null = null;
  if (rng.chance(0.45 + 0.15 * firm.district.quality)) {
    const day = enrolledDay + Math.floor(rng.exponential(25));
    if (day <= lastDay) verifiedDay = day;
  }
  sink.add(xydEnrolments, {
    id: ++ids.enrolment, entityId: firm.id, enrolledOn: fromDayNumber(enrolledDay),
    verifiedOn: verifiedDay === null ? null : fromDayNumber(verifiedDay),
  });
  if (verifiedDay !== null && rng.chance(0.015 + 0.04 * timeline.quality(firm.district, lastDay))) {
    const grantedDay = verifiedDay + Math.floor(rng.exponential(60));
    if (grantedDay <= lastDay) {
      sink.add(xydLoans, {
        id: ++ids.loan, entityId: firm.id, grantedOn: fromDayNumber(grantedDay),
        amountWan: Math.round(rng.exponential(80) + 10), lender: rng.pick(["示范农商银行", "工商银行示范分行", "建设银行示范分行", "示范城商银行"]),
      });
    }
  }
}

function addTaxRatings(rng: Random, sink: RowSink, timeline: Timeline, firm: EnterpriseFacts, ids: ProgramIds): void {
  const endYear = Number(fromDayNumber(timeline.endDay).slice(0, 4));
  for (let year = endYear - 3; year < endYear; year++) {
    // The rating of year Y is published in April of Y+1, for enterprises that existed through year Y.
    const published = `${year + 1}-04-${String(rng.int(10, 25)).padStart(2, "0")}`;
    const publishedDay = dayNumber(published);
    if (publishedDay > timeline.endDay || firm.registeredDay > dayNumber(`${year}-12-31`)) continue;
    if (firm.exitDay !== null && firm.exitDay < dayNumber(`${year}-12-31`)) continue;
    const newcomer = firm.registeredDay >= dayNumber(`${year}-01-01`);
    const pA = 0.06 + 0.16 * timeline.quality(firm.district, publishedDay);
    const x = rng.next();
    const grade = newcomer ? "M" : x < pA ? "A" : x < pA + 0.55 ? "B" : x < pA + 0.75 ? "M" : x < pA + 0.95 ? "C" : "D";
    sink.add(taxRatings, { id: ++ids.rating, entityId: firm.id, ratingYear: year, grade, publishedOn: published });
  }
}

function addListings(
  rng: Random, sink: RowSink, timeline: Timeline, firm: EnterpriseFacts, lastDay: number,
  deptByCode: Map<string, SgsDepartment>, ids: ProgramIds,
): void {
  const from = Math.max(firm.registeredDay, timeline.recordsFromDay);
  if (lastDay <= from || !rng.chance(0.024 * (1.35 - timeline.quality(firm.district, lastDay)))) return;
  const listedDay = from + rng.int(0, lastDay - from);
  const list = DEMO_LIST_KINDS[rng.weightedIndex(LIST_WEIGHTS)] as (typeof DEMO_LIST_KINDS)[number];
  // Credit repair: better-run districts help listed enterprises fix and exit sooner.
  const quality = timeline.quality(firm.district, listedDay);
  const removedDay = rng.chance(0.3 + 0.5 * quality) ? listedDay + 60 + Math.floor(rng.exponential(400 * (1.2 - quality))) : null;
  sink.add(blacklistEntries, {
    id: ++ids.listing, entityId: firm.id, listKind: list.kind, reason: `${list.kind}认定`,
    listedOn: fromDayNumber(listedDay),
    removedOn: removedDay !== null && removedDay <= timeline.endDay ? fromDayNumber(removedDay) : null,
    departmentId: deptByCode.get(list.department)?.id ?? 1,
  });
}
