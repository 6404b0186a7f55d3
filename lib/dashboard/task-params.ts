import { z } from "zod";
import { TASK_STATUSES } from "@/lib/plans/task-status";
import type { TaskFilters } from "@/lib/queries/tasks";

const schema = z.object({
  department: z.coerce.number().int().positive().optional().catch(undefined),
  section: z.string().trim().min(1).max(200).optional().catch(undefined),
  status: z.enum(TASK_STATUSES).optional().catch(undefined),
});

export function parseTaskFilters(raw: Record<string, string | string[] | undefined>): TaskFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const parsed = schema.parse({ department: first(raw.department), section: first(raw.section), status: first(raw.status) });
  return { departmentId: parsed.department, section: parsed.section, status: parsed.status };
}
