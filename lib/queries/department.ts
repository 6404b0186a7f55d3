import "server-only";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { forDepartment } from "@/lib/departments/scope";

/** A department's own view; every department-scoped read goes through `forDepartment`. */
export async function getDepartmentScope(departmentId: number, db: Db = getDb()) {
  return forDepartment(db, departmentId);
}
