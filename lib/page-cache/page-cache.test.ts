import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { withPageCache, type Handler } from "./http";
import { malformedPath, mayKeep, mayServeFromCache, pageKey } from "./policy";
import { keepPage, pageStore, replay } from "./store";

const viewer = (over: Partial<Viewer> = {}): Viewer => ({
  userId: 1, tokenId: null, username: "office", displayName: "信用办", role: "office", departmentId: null, districtId: null, sessionId: "s", address: "", ...over,
});
const req = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ method, url, headers });

describe("which requests and responses the page cache may use", () => {
  it("answers only signed-in page GETs, never sign-in, settings, account, API or form posts", () => {
    expect(mayServeFromCache(req("/rankings?month=2026-10"))).toBe(true);
    expect(mayServeFromCache(req("/"))).toBe(true);
    for (const url of ["/login", "/auth/sign-out", "/api/v1/me", "/settings/tokens", "/account", "/_next/static/x.js"]) {
      expect(mayServeFromCache(req(url)), url).toBe(false);
    }
    expect(mayServeFromCache(req("/", {}, "POST"))).toBe(false);
    expect(mayServeFromCache(req("/", { "next-action": "abc" }))).toBe(false);
    expect(mayServeFromCache(req("/", { authorization: "Bearer xyjc_1" }))).toBe(false);
    expect(mayServeFromCache(req(`/?q=${"x".repeat(3000)}`))).toBe(false);
  });

  it("keeps 200 pages and router payloads that set no cookie", () => {
    expect(mayKeep(200, { "content-type": "text/html; charset=utf-8" })).toBe(true);
    expect(mayKeep(200, { "content-type": "text/x-component" })).toBe(true);
    expect(mayKeep(404, { "content-type": "text/html" })).toBe(false);
    expect(mayKeep(303, { "content-type": "text/html" })).toBe(false);
    expect(mayKeep(200, { "content-type": "text/html", "set-cookie": ["a=b"] })).toBe(false);
    expect(mayKeep(200, { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })).toBe(false);
  });

  it("keys a page by person, role, scope, name shown, URL, router state, day and store version", () => {
    const base = pageKey(viewer(), req("/"), "v1", "2026-11-26");
    const variants = [
      pageKey(viewer({ userId: 2 }), req("/"), "v1", "2026-11-26"),
      pageKey(viewer({ role: "leader" }), req("/"), "v1", "2026-11-26"),
      pageKey(viewer({ role: "department", departmentId: 3 }), req("/"), "v1", "2026-11-26"),
      pageKey(viewer({ role: "district", districtId: 4 }), req("/"), "v1", "2026-11-26"),
      pageKey(viewer({ displayName: "新名字" }), req("/"), "v1", "2026-11-26"),
      pageKey(viewer(), req("/?month=2026-09"), "v1", "2026-11-26"),
      pageKey(viewer(), req("/", { rsc: "1" }), "v1", "2026-11-26"),
      pageKey(viewer(), req("/", { rsc: "1", "next-router-prefetch": "1" }), "v1", "2026-11-26"),
      pageKey(viewer(), req("/"), "v2", "2026-11-26"),
      pageKey(viewer(), req("/"), "v1", "2026-11-27"),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
    expect(pageKey(viewer(), req("/", { "user-agent": "other" }), "v1", "2026-11-26")).toBe(base);
  });
});

describe("request paths", () => {
  it("tells a path with a broken %-escape from a good one", () => {
    expect(malformedPath("/data/batches/%ZZ")).toBe(true);
    expect(malformedPath("/departments/%E4")).toBe(true);
    expect(malformedPath("/indicators/x?q=%ZZ")).toBe(false);
    expect(malformedPath("/data/templates/sgs-penalty?format=csv")).toBe(false);
    expect(malformedPath("/%E4%BF%A1")).toBe(false);
  });
});

describe("a kept page", () => {
  it("is replayed with a fresh nonce in its scripts and its policy, and without transfer headers", () => {
    const html = Buffer.from(`<script nonce="N0NCE">a</script><p>信用</p><script nonce="N0NCE">b</script>`);
    const kept = keepPage(200, { "content-type": "text/html", "content-security-policy": "script-src 'nonce-N0NCE'", "content-length": "99", date: "x" }, html, "N0NCE");
    const out = replay(kept, "FRESH");
    expect(out.body.toString()).toBe(`<script nonce="FRESH">a</script><p>信用</p><script nonce="FRESH">b</script>`);
    expect(Object.fromEntries(out.headers)).toEqual({ "content-type": ["text/html"], "content-security-policy": ["script-src 'nonce-FRESH'"] });
    expect(replay(keepPage(200, {}, Buffer.from("plain"), null), "X").body.toString()).toBe("plain");
  });

  it("is held compressed, and counted so: a rendered page costs a fraction of its size", () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => `<tr><td>${i}</td><td>城关区</td><td>统一社会信用代码重错码率</td><td>0.${i % 97}%</td></tr>`).join("");
    const html = Buffer.from(`<script nonce="N0NCE">a</script><table>${rows}</table><script nonce="N0NCE">b</script>`);
    const kept = keepPage(200, { "content-type": "text/html" }, html, "N0NCE");
    expect(kept.bytes).toBeLessThan(html.length / 5);
    // Held in a buffer of its own size, not as a view of zlib's larger working chunk.
    expect(kept.packed.buffer.byteLength).toBe(kept.packed.length);
    const small = keepPage(200, {}, Buffer.from("<p>小</p>".repeat(100)), null);
    expect(small.packed.buffer.byteLength).toBe(small.packed.length);
    expect(replay(kept, "N0NCE").body.equals(html)).toBe(true);
  });

  it("gives way to newer pages when the cache's bytes are used up", () => {
    const store = pageStore(10_000);
    // Random bytes do not compress: each entry costs what it holds.
    for (let i = 0; i < 40; i++) store.set(`p${i}`, keepPage(200, {}, randomBytes(500), null));
    expect(store.calculatedSize).toBeLessThanOrEqual(10_000);
    expect(store.has("p39")).toBe(true);
    expect(store.has("p0")).toBe(false);
    store.set("huge", keepPage(200, {}, randomBytes(5_000), null));
    expect(store.has("huge")).toBe(false);
  });
});

describe("the page cache in front of a real HTTP handler", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function serve(handler: Handler, who: (cookie: string) => Viewer | null, version = () => "v1") {
    let nonces = 0;
    const wrapped = withPageCache(handler, {
      viewerOf: async (r) => who(String(r.headers.cookie ?? "")),
      storeVersion: async () => version(),
      today: () => "2026-11-26",
      newNonce: () => `fresh${++nonces}`,
      maxBytes: 1_000_000,
    });
    server = createServer((q, s) => void wrapped(q, s));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return (path: string, cookie = "", headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie, ...headers } });
  }

  const people: Record<string, Viewer> = { office: viewer(), samr: viewer({ userId: 3, role: "department", departmentId: 7, displayName: "市场监管局" }) };
  const who = (cookie: string) => people[cookie.replace("s=", "")] ?? null;

  it("renders once per person and URL, answers again with the same page and a new nonce", async () => {
    let renders = 0;
    const get = await serve(async (q, s) => {
      renders++;
      const nonce = `render${renders}`;
      s.setHeader("content-type", "text/html; charset=utf-8");
      s.setHeader("content-security-policy", `script-src 'nonce-${nonce}'`);
      s.end(`<script nonce="${nonce}"></script>第${renders}次 ${q.url} ${q.headers.cookie}`);
    }, who);
    const first = await get("/rankings", "s=office");
    expect(first.headers.get("x-render-cache")).toBe("miss");
    expect(await first.text()).toBe(`<script nonce="render1"></script>第1次 /rankings s=office`);
    const again = await get("/rankings", "s=office");
    expect(again.headers.get("x-render-cache")).toBe("hit");
    expect(again.headers.get("content-security-policy")).toBe("script-src 'nonce-fresh1'");
    expect(await again.text()).toBe(`<script nonce="fresh1"></script>第1次 /rankings s=office`);
    // Another person, another URL, or nobody signed in: rendered by the app.
    expect(await (await get("/rankings", "s=samr")).text()).toContain("第2次 /rankings s=samr");
    expect(await (await get("/rankings?month=2026-09", "s=office")).text()).toContain("第3次");
    expect(await (await get("/rankings", "")).text()).toContain("第4次");
    expect(await (await get("/rankings", "s=stranger")).text()).toContain("第5次");
    expect(renders).toBe(5);
  });

  it("renders again once the store changes, and keeps nothing but a 200 page", async () => {
    let version = "v1";
    let renders = 0;
    let status = 404;
    const get = await serve(async (_q, s) => {
      renders++;
      s.statusCode = status;
      s.setHeader("content-type", "text/html");
      s.end(`render ${renders}`);
    }, who, () => version);
    await get("/x", "s=office");
    await get("/x", "s=office");
    expect(renders).toBe(2);
    status = 200;
    await get("/x", "s=office");
    expect(await (await get("/x", "s=office")).text()).toBe("render 3");
    version = "v2";
    expect(await (await get("/x", "s=office")).text()).toBe("render 4");
  });

  it("never keeps a page holding a form's one-time submission key", async () => {
    let renders = 0;
    const get = await serve(async (_q, s) => {
      renders++;
      s.setHeader("content-type", "text/html");
      s.end(`<form><input type="hidden" name="submissionKey" value="key-${renders}"></form>`);
    }, who);
    expect(await (await get("/circulars", "s=office")).text()).toContain("key-1");
    expect(await (await get("/circulars", "s=office")).text()).toContain("key-2");
  });

  it("keeps a page the app sent compressed, and compresses a kept page for a client that asks", async () => {
    let renders = 0;
    const page = "<p>区县排名</p>".repeat(500);
    const get = await serve(async (_q, s) => {
      renders++;
      s.setHeader("content-type", "text/html; charset=utf-8");
      s.setHeader("content-encoding", "gzip");
      s.end(gzipSync(page));
    }, who);
    expect(await (await get("/", "s=office", { "accept-encoding": "gzip" })).text()).toBe(page);
    const hit = await get("/", "s=office", { "accept-encoding": "gzip" });
    expect(hit.headers.get("x-render-cache")).toBe("hit");
    expect(hit.headers.get("content-encoding")).toBe("gzip");
    expect(await hit.text()).toBe(page);
    const plain = await get("/", "s=office", { "accept-encoding": "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(page);
    expect(renders).toBe(1);
  });
});
