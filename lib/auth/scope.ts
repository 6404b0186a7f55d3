import type { Role } from "@/db/schema";
import type { Viewer } from "./viewer";

/**
 * What each role may see and change. Pages, actions, route handlers and exports ask these
 * functions; none decides by itself.
 */
export const canWrite = (v: Viewer) => v.role !== "leader";
export const isOffice = (v: Viewer) => v.role === "office";
/** 领导 and 信用办 see every record in the city. */
export const seesWholeCity = (v: Viewer) => v.role === "office" || v.role === "leader";

/** A department page or a department's records: the whole city sees all; a 部门 only its own. */
export function canSeeDepartment(v: Viewer, departmentId: number): boolean {
  if (seesWholeCity(v)) return true;
  return v.role === "department" && v.departmentId === departmentId;
}

/** An org unit's page and records: a 区县 sees its district and that district's towns. */
export function canSeeUnit(v: Viewer, unit: { id: number; level: string; parentId: number | null }): boolean {
  if (seesWholeCity(v)) return true;
  if (v.role === "district") return unit.id === v.districtId || (unit.level === "town" && unit.parentId === v.districtId);
  // A 部门 sees figures of every unit, but records only of its own (filtered by department, not by unit).
  return v.role === "department";
}

/** Where a viewer lands after signing in: a 部门 on its page, a 区县 on its district's. */
export function homePath(v: Viewer, districtCode?: string | null): string {
  if (v.role === "department" && v.departmentId) return `/departments/${v.departmentId}`;
  if (v.role === "district" && districtCode) return `/districts/${districtCode}`;
  return "/";
}

export function roleIs(v: Viewer, ...roles: Role[]): boolean {
  return roles.includes(v.role);
}

/** Only the path of this site: a `next` parameter never sends anyone elsewhere. */
export function safeNextPath(next: unknown): string | null {
  // Browsers drop tabs and newlines and read "\\" as "/", so "/\t/evil.example" would leave the site.
  if (typeof next !== "string" || next.length > 500 || !next.startsWith("/") || /[\x00-\x1f\x7f\\]/.test(next)) return null;
  const base = "http://site.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return null;
  }
  // "/.//evil.example" normalises to "//evil.example", which a browser reads as another host.
  if (url.origin !== base || url.pathname.startsWith("//") || url.pathname === "/login" || url.pathname.startsWith("/login/")) return null;
  return url.pathname + url.search + url.hash;
}
