import { govDefaultCases, type EntityKind } from "@/db/schema";
import { fromDayNumber } from "@/lib/dates";
import type { Random } from "./random";
import type { RowSink } from "./sink";
import type { Timeline } from "./timeline";

export interface DebtorCandidate {
  name: string;
  code: string | null;
  kind: EntityKind;
  districtId: number;
  districtName: string;
}

/** A handful of cases naming a public body or state-owned enterprise as dishonest debtor, most closed in time. */
export function addGovDefaultCases(rng: Random, sink: RowSink, timeline: Timeline, debtors: DebtorCandidate[]): void {
  if (debtors.length === 0) return;
  const caseCount = rng.int(10, 16);
  for (let id = 1; id <= caseCount; id++) {
    const debtor = rng.pick(debtors);
    const openedDay = timeline.startDay - 120 + rng.int(0, timeline.endDay - timeline.startDay + 120);
    const closedDay = rng.chance(0.7) ? openedDay + 20 + Math.floor(rng.exponential(120)) : null;
    const year = fromDayNumber(openedDay).slice(0, 4);
    sink.add(govDefaultCases, {
      id, caseNumber: `（${year}）示${String(debtor.districtId).padStart(2, "0")}执${rng.int(100, 3999)}号`,
      court: `${debtor.districtName}人民法院`, debtorName: debtor.name,
      debtorKind: debtor.kind === "public_body" ? (rng.chance(0.5) ? "government" : "public_institution") : "state_owned_enterprise",
      debtorCode: debtor.code, districtId: debtor.districtId, amountWan: Math.round(rng.exponential(300) + 20),
      openedOn: fromDayNumber(openedDay),
      closedOn: closedDay !== null && closedDay <= timeline.endDay ? fromDayNumber(closedDay) : null,
    });
  }
}
