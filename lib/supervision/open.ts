import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { indicators, indicatorValues } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { getDrilldown } from "@/lib/indicators/drilldown";
import { write, type WriteOutcome } from "@/lib/write";
import { openSupervisionItem } from "./actions";

/** Records frozen with an item; a value with more has its first ones attached and the count said. */
export const MAX_FROZEN_RECORDS = 5_000;

export interface OpenRequest { indicatorCode: string; orgUnitId: number; month: string; warningKind?: string | null; departmentIds: number[]; deadline: string; note?: string | null }
export interface OpenTaskRequest { taskId: number; month: string; departmentIds: number[]; deadline: string; note?: string | null }

/**
 * Opens a 督办 item: the records behind the value are read now, by the same drill-down the office sees, and
 * frozen with it, together with the value and the target at this moment.
 */
export async function openSupervision(db: Db, viewer: Viewer, request: OpenRequest): Promise<WriteOutcome<{ id: number }>> {
  const drilldown = Number.isInteger(request.orgUnitId) && request.orgUnitId > 0
    ? await getDrilldown(db, viewer, { indicatorCode: request.indicatorCode, orgUnitId: request.orgUnitId, month: request.month as never, pageSize: MAX_FROZEN_RECORDS })
    : null;
  const [value] = await db.select({ value: indicatorValues.value }).from(indicatorValues)
    .where(and(eq(indicatorValues.indicatorCode, request.indicatorCode), eq(indicatorValues.orgUnitId, request.orgUnitId), eq(indicatorValues.month, request.month)));
  const [indicator] = await db.select({ target: indicators.target }).from(indicators).where(eq(indicators.code, request.indicatorCode));
  const frozen = drilldown && drilldown !== "forbidden" ? drilldown : null;
  return write(db, viewer, openSupervisionItem, {
    ...request, columns: frozen?.columns ?? [], records: frozen?.rows ?? [], value: value?.value ?? null, target: indicator?.target ?? null,
  });
}

/** Opens a 督办 item for a work-plan task: handed to the departments chosen (by default those carrying it). */
export async function openTaskSupervision(db: Db, viewer: Viewer, request: OpenTaskRequest): Promise<WriteOutcome<{ id: number }>> {
  return write(db, viewer, openSupervisionItem, { ...request, indicatorCode: null, orgUnitId: null, columns: [], records: [], value: null, target: null });
}
