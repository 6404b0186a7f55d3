import { monthOf } from "@/lib/dates";
import { rejectRow, type BatchContext, type PendingRow } from "./batch";
import { str } from "./fields";
import { bodiesByCode } from "./place";

/** A row of a dataset keyed by a registered body, with the body found. */
export interface BodyRow { row: PendingRow; entityId: number }

/**
 * The rows whose code names a body in the register; the others are rejected, since their figures could not
 * be counted for any body or district.
 */
export async function rowsOfRegisteredBodies(ctx: BatchContext, rows: PendingRow[]): Promise<BodyRow[]> {
  const bodies = await bodiesByCode(ctx.tx, rows.map((r) => str(r.fields.code)!));
  const found: BodyRow[] = [];
  for (const row of rows) {
    const body = bodies.get(str(row.fields.code)!);
    if (body?.entityId) found.push({ row, entityId: body.entityId });
    else rejectRow(ctx, row.rowNumber, row.cells, "统一社会信用代码", `统一社会信用代码“${str(row.fields.code)}”不在本市主体名录中`);
  }
  return found;
}

/**
 * Marks a standing change from these dates on: a body, a rating, an enrolment, a list entry or a case counts at
 * every month end after its date, so every month from the earliest one to the batch's own is recomputed.
 */
export function touch(ctx: BatchContext, ...dates: (string | null | undefined)[]): void {
  for (const d of dates) {
    if (!d) continue;
    const month = monthOf(d);
    if (ctx.standingFrom === null || month < ctx.standingFrom) ctx.standingFrom = month;
  }
}
