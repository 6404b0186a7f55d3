import { NextResponse, type NextRequest } from "next/server";
import { todayInChina } from "@/lib/dates";
import { canonicalPageUrl, isDocumentRequest, pageCacheKey } from "@/lib/page-cache/key";
import { RenderedPageCache, type CachedPage } from "@/lib/page-cache/store";
import { currentDataVersion } from "@/lib/queries/data-version";

// 总览 and 排名 are the same for every viewer until the indicators are computed again, and leaders open
// them all at once after each circular. Rendering them costs ~30 ms of the single server thread each,
// so their HTML is kept per computation and served from memory; everything else renders live.
const pages = new RenderedPageCache();
/** Marks the server's own request that renders a page for the cache (it must not be answered from it). */
const FILL_HEADER = "x-page-cache-fill";
// Hop-by-hop and body-encoding headers: the stored body is the decoded page.
let warnedUnreachable = false;
const DROPPED_HEADERS = new Set(["connection", "content-encoding", "content-length", "keep-alive", "transfer-encoding", "date"]);

export async function proxy(request: NextRequest) {
  // The router's own fetches (navigations, prefetches) want RSC payloads, never this HTML.
  if (request.method !== "GET" || request.headers.has(FILL_HEADER) || !isDocumentRequest(request.headers)) return NextResponse.next();
  const canonical = canonicalPageUrl(request.nextUrl.pathname, request.nextUrl.searchParams);
  if (!canonical) return NextResponse.next();
  let key: string;
  try {
    key = pageCacheKey(canonical, await currentDataVersion(), todayInChina());
  } catch {
    return NextResponse.next(); // the page itself will show the store's error
  }
  const { page, hit } = await pages.getOrRender(key, () => renderForCache(canonical));
  if (!page) return NextResponse.next();
  const headers = new Headers(page.headers);
  headers.set("x-page-cache", hit ? "hit" : "miss");
  return new NextResponse(page.body as BodyInit, { status: page.status, headers });
}

/** Asks this server to render the page as it would for anyone, and keeps a complete HTML answer. */
async function renderForCache(canonical: string): Promise<CachedPage | null> {
  const port = process.env.PORT ?? "3000";
  try {
    const response = await fetch(`http://127.0.0.1:${port}${canonical}`, {
      headers: { [FILL_HEADER]: "1", accept: "text/html" }, redirect: "manual", cache: "no-store",
    });
    const body = new Uint8Array(await response.arrayBuffer());
    if (response.status !== 200 || !response.headers.get("content-type")?.includes("text/html")) return null;
    const headers = [...response.headers].filter(([name]) => !DROPPED_HEADERS.has(name.toLowerCase()));
    return { status: response.status, headers, body };
  } catch (error) {
    // Bound to another address than loopback: pages still render, only uncached.
    if (!warnedUnreachable) console.warn(`页面缓存不可用：本机回环地址无法访问本服务（${String(error)}），总览、排名将实时渲染。`);
    warnedUnreachable = true;
    return null;
  }
}

export const config = { matcher: ["/", "/rankings"] };
