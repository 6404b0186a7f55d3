import { getDb } from "@/db";
import { getViewer } from "@/lib/auth/request";
import { refusalResponse, sameOrigin, seeOther } from "@/lib/auth/respond";
import { SESSION_COOKIE } from "@/lib/auth/session-policy";
import { signOut } from "@/lib/auth/sign-in";
import { write } from "@/lib/write";

/** Ends the session on the server and clears the cookie. */
export async function POST(request: Request) {
  if (!sameOrigin(request)) return refusalResponse(403, "跨站提交的退出请求已拒绝");
  const viewer = await getViewer();
  if (viewer?.sessionId) await write(getDb(), viewer, signOut, {});
  return seeOther("/login?signedOut=1", request, { "set-cookie": `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` });
}
