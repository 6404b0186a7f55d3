/**
 * Paths answered without a session: the sign-in page, the app's static assets, and the API, whose
 * handlers authorise each call by a department's token.
 */
export function isPublicPath(pathname: string): boolean {
  return pathname === "/login" || pathname === "/auth/sign-in" || pathname.startsWith("/_next/") || pathname.startsWith("/api/v1/")
    || pathname === "/icon.svg" || pathname === "/favicon.ico" || pathname === "/robots.txt" || pathname.startsWith("/samples/");
}

/** A browser asking for a page (rather than a fetch, a download or the router's RSC payload). */
export function wantsDocument(headers: Headers): boolean {
  return (headers.get("accept") ?? "").includes("text/html") && !headers.has("rsc") && !headers.has("next-action");
}
