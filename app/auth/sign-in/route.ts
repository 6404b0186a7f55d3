import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { orgUnits } from "@/db/schema";
import { clientAddress } from "@/lib/auth/request";
import { refusalResponse, sameOrigin, seeOther } from "@/lib/auth/respond";
import { homePath, safeNextPath } from "@/lib/auth/scope";
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE } from "@/lib/auth/session-policy";
import { signIn } from "@/lib/auth/sign-in";

/** The sign-in form posts here: on success the session cookie and the viewer's home (or `next`). */
export async function POST(request: Request) {
  if (!sameOrigin(request)) return refusalResponse(403, "跨站提交的登录请求已拒绝");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refusalResponse(400, "登录请求格式有误：请以表单提交账号（username）和密码（password）");
  }
  const next = safeNextPath(form.get("next"));
  const browser = (request.headers.get("accept") ?? "").includes("text/html");
  const db = getDb();
  const result = await signIn(db, { username: form.get("username") ?? undefined, password: form.get("password") ?? undefined },
    { address: clientAddress(request.headers), userAgent: request.headers.get("user-agent") ?? "" });
  if (!result.ok) {
    if (!browser) return refusalResponse(result.status, result.message);
    const back = new URLSearchParams({ error: result.reason, ...(result.waitMs ? { wait: String(Math.ceil(result.waitMs / 1000)) } : {}), ...(next ? { next } : {}), username: String(form.get("username") ?? "").slice(0, 64) });
    return seeOther(`/login?${back}`, request);
  }
  const [district] = result.viewer.districtId ? await db.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.id, result.viewer.districtId)) : [];
  const response = seeOther(next ?? homePath(result.viewer, district?.code), request);
  const secure = request.headers.get("x-forwarded-proto") === "https" || new URL(request.url).protocol === "https:";
  response.headers.append("set-cookie", [
    `${SESSION_COOKIE}=${result.token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${Math.floor(SESSION_ABSOLUTE_MS / 1000)}`, ...(secure ? ["Secure"] : []),
  ].join("; "));
  return response;
}
