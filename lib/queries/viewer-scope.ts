import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { departments, orgUnits } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";

/** The names and codes of a viewer's scope, for the header, the navigation and the home page. */
export async function getViewerScope(viewer: Viewer): Promise<{ name: string | null; districtCode: string | null }> {
  const db = getDb();
  if (viewer.departmentId) {
    const [d] = await db.select({ name: departments.shortName }).from(departments).where(eq(departments.id, viewer.departmentId));
    return { name: d?.name ?? null, districtCode: null };
  }
  if (viewer.districtId) {
    const [u] = await db.select({ name: orgUnits.name, code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.id, viewer.districtId));
    return { name: u?.name ?? null, districtCode: u?.code ?? null };
  }
  return { name: null, districtCode: null };
}
