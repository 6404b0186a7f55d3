import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/auth/path-header";
import { isPublicPath, wantsDocument } from "@/lib/auth/public-paths";
import { applySecurityHeaders, contentSecurityPolicy } from "@/lib/auth/security-headers";
import { SESSION_COOKIE } from "@/lib/auth/session-policy";
import { SERVER_ACTION_BODY_LIMIT } from "@/lib/auth/body-limit";

/**
 * Every request passes here first: a request without a session cookie gets the sign-in page and
 * nothing else (the session itself is checked by the server code that reads data), and every
 * response carries the security headers with a fresh script nonce.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = btoa(crypto.randomUUID());
  if (!isPublicPath(pathname) && !request.cookies.has(SESSION_COOKIE)) {
    const refused = wantsDocument(request.headers) && request.method === "GET"
      ? NextResponse.redirect(new URL(pathname === "/" ? "/login" : `/login?next=${encodeURIComponent(pathname + search)}`, request.url), 303)
      : new NextResponse("请先登录", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
    applySecurityHeaders(refused.headers, null);
    return refused;
  }
  // A form post past the server actions' body limit would fail inside Next.js with a bare error;
  // answer it here, in Chinese, before it is read.
  if (request.headers.has("next-action") && Number(request.headers.get("content-length") ?? 0) > SERVER_ACTION_BODY_LIMIT) {
    const tooLarge = new NextResponse(`提交的内容过大（超过${SERVER_ACTION_BODY_LIMIT / 1024 / 1024} MB），请缩小文件后重试`, { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } });
    applySecurityHeaders(tooLarge.headers, null);
    return tooLarge;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(PATH_HEADER, (pathname + search).slice(0, 1000));
  // Next.js reads the nonce for its own inline scripts from the request's CSP header.
  requestHeaders.set("content-security-policy", contentSecurityPolicy(nonce));
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  applySecurityHeaders(response.headers, nonce);
  return response;
}

// Imports stream their files straight to the route handler: a request through the proxy has its body copied
// and cut at the proxy's 10 MB, so the import API answers for itself (lib/imports/upload.ts, its own headers).
export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|api/v1/imports/).*)" }],
};
