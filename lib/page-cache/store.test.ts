import { describe, expect, it } from "vitest";
import { RenderedPageCache, type CachedPage } from "./store";

const page = (text: string, status = 200): CachedPage => ({ status, headers: [["content-type", "text/html"]], body: new TextEncoder().encode(text) });

describe("RenderedPageCache", () => {
  it("renders once for concurrent misses, then answers from memory", async () => {
    const cache = new RenderedPageCache();
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 10));
      return page("<p>总览</p>");
    };
    const first = await Promise.all(Array.from({ length: 20 }, () => cache.getOrRender("k", render)));
    expect(renders).toBe(1);
    expect(first.every((r) => !r.hit && r.page !== null)).toBe(true);
    const again = await cache.getOrRender("k", render);
    expect(again.hit).toBe(true);
    expect(renders).toBe(1);
    expect(new TextDecoder().decode(again.page!.body)).toBe("<p>总览</p>");
  });

  it("does not keep failed renders", async () => {
    const cache = new RenderedPageCache();
    expect((await cache.getOrRender("k", async () => page("错误", 500))).page?.status).toBe(500);
    expect((await cache.getOrRender("k", async () => null)).page).toBeNull();
    expect(cache.size).toBe(0);
    await expect(cache.getOrRender("k", async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect((await cache.getOrRender("k", async () => page("ok"))).hit).toBe(false);
    expect(cache.size).toBe(1);
  });

  it("evicts the least recently used pages beyond its byte budget", async () => {
    const cache = new RenderedPageCache(3_000);
    for (const k of ["a", "b", "c", "d"]) await cache.getOrRender(k, async () => page("x".repeat(1_000)));
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("d")).toBeDefined();
  });
});
