/** A refusal as a response: plain Chinese text with the status that fits, for route handlers. */
export function refusalResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** A 303 to a path of this site, relative to the address the browser used, whatever host the server binds. */
export function seeOther(path: string, request: Request, headers: Record<string, string> = {}): Response {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "localhost";
  const proto = request.headers.get("x-forwarded-proto") ?? "http";
  return new Response(null, { status: 303, headers: { location: new URL(path, `${proto}://${host}`).toString(), "cache-control": "no-store", ...headers } });
}

/** Same-origin check for form posts to route handlers (server actions check this themselves). */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true; // non-browser clients send none; the session cookie is SameSite=Lax anyway
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
