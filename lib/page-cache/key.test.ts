import { describe, expect, it } from "vitest";
import { canonicalPageUrl, isDocumentRequest, pageCacheKey } from "./key";

const url = (s: string) => new URL(s, "http://x");
const canonical = (s: string) => canonicalPageUrl(url(s).pathname, url(s).searchParams);

describe("canonicalPageUrl", () => {
  it("keeps the leadership pages with their known parameters, in one order", () => {
    expect(canonical("/")).toBe("/");
    expect(canonical("/?month=2026-10")).toBe("/?month=2026-10");
    expect(canonical("/rankings?sort=tax_a_share&month=2026-09&dir=asc&level=town"))
      .toBe("/rankings?dir=asc&level=town&month=2026-09&sort=tax_a_share");
  });

  it("renders other pages and unusual parameters live", () => {
    expect(canonical("/districts")).toBeNull();
    expect(canonical("/?sort=tax_a_share")).toBeNull(); // not a parameter of 总览
    expect(canonical("/?month=2026-13")).toBeNull();
    expect(canonical("/?month=2026-10&month=2026-09")).toBeNull();
    expect(canonical("/?level=city")).toBeNull();
    expect(canonical("/rankings?dir=up")).toBeNull();
    expect(canonical("/rankings?sort=%3Cscript%3E")).toBeNull();
    expect(canonical("/?utm=1")).toBeNull();
  });

  it("keys a page by computation and day", () => {
    expect(pageCacheKey("/", "v1", "2026-11-24")).not.toBe(pageCacheKey("/", "v2", "2026-11-24"));
    expect(pageCacheKey("/", "v1", "2026-11-24")).not.toBe(pageCacheKey("/", "v1", "2026-11-25"));
  });
});


describe("isDocumentRequest", () => {
  const req = (h: Record<string, string>) => new Headers(h);
  it("takes browser navigations and plain clients, not the router's fetches", () => {
    expect(isDocumentRequest(req({ "sec-fetch-dest": "document", accept: "text/html,application/xhtml+xml,*/*;q=0.8" }))).toBe(true);
    expect(isDocumentRequest(req({}))).toBe(true);
    expect(isDocumentRequest(req({ "sec-fetch-dest": "empty", accept: "*/*" }))).toBe(false); // RSC navigation or prefetch
    expect(isDocumentRequest(req({ accept: "*/*" }))).toBe(false);
    expect(isDocumentRequest(req({ "sec-fetch-dest": "iframe", accept: "text/html" }))).toBe(false);
  });
});
