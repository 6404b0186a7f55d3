import { LEVELS } from "@/lib/dashboard/params";

/**
 * Which page requests may be answered from the rendered-page cache, and under what key.
 * Only the leadership pages that everyone opens with the same few parameters are cached; any other
 * parameter (or a malformed one) means the page is rendered live, so nothing unusual is ever stored.
 */
const FORMATS: Record<string, RegExp> = {
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  level: new RegExp(`^(${LEVELS.join("|")})$`),
  sort: /^[a-z][a-z0-9_]{0,39}$/,
  dir: /^(asc|desc)$/,
};

export const CACHED_PAGES: Record<string, readonly string[]> = {
  "/": ["month", "level"],
  "/rankings": ["month", "level", "sort", "dir"],
};

/** `/rankings?month=2026-10&sort=x` → a canonical path and query, or null when the page must render live. */
export function canonicalPageUrl(pathname: string, search: URLSearchParams): string | null {
  const allowed = CACHED_PAGES[pathname];
  if (!allowed) return null;
  const entries: [string, string][] = [];
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    const format = FORMATS[name];
    if (!allowed.includes(name) || !format || values.length !== 1 || !format.test(values[0]!)) return null;
    entries.push([name, values[0]!]);
  }
  entries.sort(([a], [b]) => a.localeCompare(b));
  const query = new URLSearchParams(entries).toString();
  return query ? `${pathname}?${query}` : pathname;
}

/**
 * A rendered page is valid for one computation of the indicators and one calendar day: the pages read
 * nothing else that changes (no sign-in yet; when there is, the viewer's scope belongs in this key).
 */
export function pageCacheKey(canonicalUrl: string, dataVersion: string, today: string): string {
  return `${dataVersion}|${today}|${canonicalUrl}`;
}


/**
 * Whether a request asks for the page as a document. Next strips its router's own headers (RSC, prefetch)
 * before the proxy sees a request, so the router's fetches are told apart the way browsers mark them:
 * `Sec-Fetch-Dest: empty` and `Accept: *\/*`, where a navigation sends `document` and `text/html`. Clients
 * that send neither header (load tools) ask for documents.
 */
export function isDocumentRequest(headers: { get(name: string): string | null }): boolean {
  const dest = headers.get("sec-fetch-dest");
  const accept = headers.get("accept");
  return (dest === null || dest === "document") && (accept === null || accept.includes("text/html"));
}
