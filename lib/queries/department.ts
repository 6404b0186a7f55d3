import "server-only";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import type { IsoMonth } from "@/lib/dates";
import { forDepartment, type DepartmentScope } from "@/lib/departments/scope";
import { cachedRead } from "./read-cache";

/** A department's own view; every department-scoped read goes through `forDepartment`. */
export async function getDepartmentScope(departmentId: number, db: Db = getDb()) {
  return forDepartment(db, departmentId);
}

/** One of `forDepartment`'s reads, memoised per department and arguments until the store changes. */
function memoised<A extends unknown[], R>(name: string, pick: (scope: DepartmentScope, ...args: A) => Promise<R>) {
  return cachedRead(name, async (departmentId: number, ...args: A): Promise<R | null> => {
    const scope = await forDepartment(getDb(), departmentId);
    return scope ? pick(scope, ...args) : null;
  });
}

/**
 * The department page's heavier reads (its weak indicators, its records to fix). Keyed by the
 * department: callers check the viewer may see it first.
 */
export const departmentReads = {
  weakIndicators: memoised("department.weak", (s, month: IsoMonth) => s.weakIndicators(month)),
  badSgsRecords: memoised("department.sgs", (s, month: IsoMonth, page: number) => s.badSgsRecords(month, page)),
  issuedCodeProblems: memoised("department.codes", (s, month: IsoMonth, page: number) => s.issuedCodeProblems(month, page)),
};
