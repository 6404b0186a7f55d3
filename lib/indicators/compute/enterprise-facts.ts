import type { Client } from "@libsql/client";
import { FACTS, addFactFlows } from "./fact-flows";
import { IntervalCounter, type MonthGrid } from "./grid";
import type { UnitIndex } from "./units";

export interface EnterpriseCounters {
  enrolled: IntervalCounter;
  verified: IntervalCounter;
  verifiedWithLoan: IntervalCounter;
  taxA: IntervalCounter;
}

/**
 * 信易贷 and tax facts of 存续企业 at each month end. Every numerator is intersected with the
 * enterprise's own life, so an enterprise that closed stops counting in the month it closed. The intervals
 * (latest rating A until the next is published; 信易贷 from enrolment, verification, first loan) are defined
 * in fact-flows.ts and read from the flows its triggers keep.
 */
export async function countEnterpriseFacts(client: Client, grid: MonthGrid, units: UnitIndex): Promise<EnterpriseCounters> {
  const c = {
    enrolled: new IntervalCounter(units.size, grid.size),
    verified: new IntervalCounter(units.size, grid.size),
    verifiedWithLoan: new IntervalCounter(units.size, grid.size),
    taxA: new IntervalCounter(units.size, grid.size),
  };
  await addFactFlows(client, grid, units, {
    [FACTS.xydEnrolled]: c.enrolled, [FACTS.xydVerified]: c.verified,
    [FACTS.xydVerifiedWithLoan]: c.verifiedWithLoan, [FACTS.taxA]: c.taxA,
  });
  return {
    enrolled: c.enrolled.finish(), verified: c.verified.finish(),
    verifiedWithLoan: c.verifiedWithLoan.finish(), taxA: c.taxA.finish(),
  };
}
