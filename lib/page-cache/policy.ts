import type { Viewer } from "@/lib/auth/viewer";

// Which responses the rendered-page cache may keep, and under which key. A kept page is served again
// only to the same signed-in user, with the same role and scope, for the same URL and router state, on
// the same day and store version — so it is exactly what a new render would give that person.

/** Pages that change with something other than the store (sessions, tokens shown once, sign-in, one's inbox). */
const NEVER_KEPT = [/^\/login/, /^\/auth\//, /^\/api\//, /^\/account/, /^\/settings/, /^\/inbox/, /^\/_next\//];

/** The request headers a page's output depends on besides the URL: Next.js's router state (its Vary). */
export const VARY_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"] as const;

export interface RequestFacts {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

const header = (h: RequestFacts["headers"], name: string) => {
  const v = h[name];
  return Array.isArray(v) ? v.join(",") : v;
};

/** A page request a kept render may answer: a GET from a session cookie for a page, not an API or a form post. */
export function mayServeFromCache(req: RequestFacts): boolean {
  if (req.method !== "GET" || req.url.length > 2_000) return false;
  if (header(req.headers, "authorization") || header(req.headers, "next-action")) return false;
  const path = req.url.split("?")[0]!;
  return !NEVER_KEPT.some((re) => re.test(path));
}

/** A response worth keeping: a full page or router payload that answered 200 and set no cookie. */
export function mayKeep(status: number, headers: Record<string, string | number | string[] | undefined>): boolean {
  if (status !== 200 || headers["set-cookie"] !== undefined) return false;
  const type = String(headers["content-type"] ?? "");
  return type.startsWith("text/html") || type.startsWith("text/x-component");
}

/** Everything a render depends on: who (user, role, scope, name shown), what (URL, router state), when (day, store version). */
export function pageKey(viewer: Viewer, req: RequestFacts, storeVersion: string, day: string): string {
  const who = [viewer.userId, viewer.role, viewer.departmentId ?? "", viewer.districtId ?? "", viewer.displayName].join("\u0001");
  const state = VARY_HEADERS.map((h) => header(req.headers, h) ?? "").join("\u0001");
  return [who, req.url, state, day, storeVersion].join("\u0002");
}

/** A request path whose %-escapes do not decode (e.g. /data/batches/%ZZ). */
export function malformedPath(url: string): boolean {
  try {
    decodeURIComponent(url.split("?")[0]!);
    return false;
  } catch {
    return true;
  }
}
