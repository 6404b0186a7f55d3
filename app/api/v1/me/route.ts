import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { departments } from "@/db/schema";
import { routeViewer } from "@/lib/auth/route";

/**
 * Who a token stands for: a department's system calls this to check its token before sending data.
 * `Authorization: Bearer xyjc_…`; 401 for a missing, unknown or revoked token.
 */
export async function GET() {
  const viewer = await routeViewer();
  if (viewer instanceof Response) return viewer;
  const [department] = viewer.departmentId
    ? await getDb().select({ id: departments.id, code: departments.code, name: departments.name }).from(departments).where(eq(departments.id, viewer.departmentId))
    : [];
  return Response.json({ role: viewer.role, name: viewer.displayName, department: department ?? null }, { headers: { "cache-control": "no-store" } });
}
