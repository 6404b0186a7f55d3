/** A refusal as a response: plain Chinese text with the status that fits, for route handlers. */
export function refusalResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/**
 * A 303 to a path of this site, as a relative Location (the browser resolves it against the address it used): no
 * Host or X-Forwarded-Host a client sends can point it at another site. A path that is not this site's goes home.
 */
export function seeOther(path: string, _request: Request, headers: Record<string, string> = {}): Response {
  const local = /^\/(?![\/\\])/.test(path) ? path : "/";
  return new Response(null, { status: 303, headers: { location: local, "cache-control": "no-store", ...headers } });
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
