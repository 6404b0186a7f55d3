import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { passesUngated, withRenderGate, type Handler } from "./render-gate";

// A real HTTP server around the gate, with a handler the test finishes by hand.
let server: Server | null = null;
afterEach(() => new Promise<void>((done) => {
  if (!server) return done();
  server.closeAllConnections(); // a render the test left unfinished
  server.close(() => done());
}));

function serveGated(options: { concurrency: number; maxWaiting: number; holdLimitMs?: number }) {
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const handler: Handler = (req, res) => new Promise<void>((resolve) => {
    started.push(req.url!);
    finishers.set(req.url!, () => {
      res.end(`done ${req.url}`);
      resolve();
    });
  });
  const gate = withRenderGate(handler, { holdLimitMs: 60_000, ...options });
  server = createServer((req, res) => void gate(req, res));
  return new Promise<{ base: string; started: string[]; finish: (url: string) => void; gate: typeof gate }>((ready) => {
    server!.listen(0, "127.0.0.1", () => {
      const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
      ready({ base, started, gate, finish: (url) => finishers.get(url)!() });
    });
  });
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe("the render gate", () => {
  it("lets two renders in at once and the third in when one ends, in arrival order", async () => {
    const { base, started, finish, gate } = await serveGated({ concurrency: 2, maxWaiting: 10 });
    // Sent one by one, so the order they reach the gate is known.
    const answers: Promise<string>[] = [];
    for (const [i, path] of ["/a", "/b", "/c", "/d"].entries()) {
      answers.push(fetch(base + path).then((r) => r.text()));
      await until(() => started.length + gate.waiting() === i + 1);
    }
    expect(started).toEqual(["/a", "/b"]);
    expect(gate.waiting()).toBe(2);
    finish("/b");
    await until(() => started.length === 3);
    expect(started[2]).toBe("/c");
    expect(gate.inFlight()).toBe(2);
    finish("/a");
    finish("/c");
    await until(() => started.length === 4);
    finish("/d");
    expect(await Promise.all(answers)).toEqual(["done /a", "done /b", "done /c", "done /d"]);
    await until(() => gate.inFlight() === 0);
  });

  it("takes a client that hangs up while waiting out of the line: it never renders and holds no place", async () => {
    const { base, started, finish, gate } = await serveGated({ concurrency: 1, maxWaiting: 1 });
    const first = fetch(base + "/a");
    await until(() => started.length === 1);
    const aborted = new AbortController();
    const gone = fetch(base + "/gone", { signal: aborted.signal }).catch(() => "aborted");
    await until(() => gate.waiting() === 1);
    aborted.abort();
    expect(await gone).toBe("aborted");
    await until(() => gate.waiting() === 0);
    // The line has room again (maxWaiting 1): the next one waits instead of being refused.
    const next = fetch(base + "/next");
    await until(() => gate.waiting() === 1);
    finish("/a");
    await until(() => started.length === 2);
    expect(started).toEqual(["/a", "/next"]);
    finish("/next");
    expect((await next).status).toBe(200);
    await first;
    await until(() => gate.inFlight() === 0);
  });

  it("frees the place of a render that failed", async () => {
    const gate = withRenderGate(async () => {
      throw new Error("render failed");
    }, { concurrency: 1, maxWaiting: 1, holdLimitMs: 60_000 });
    server = createServer((req, res) => void gate(req, res).catch(() => res.end("failed")));
    await new Promise<void>((ready) => server!.listen(0, "127.0.0.1", ready));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (let i = 0; i < 3; i++) expect(await (await fetch(base + "/x")).text()).toBe("failed");
    expect(gate.inFlight()).toBe(0);
  });

  it("answers 503 in Chinese, with the security headers, when the queue is full, and serves the rest", async () => {
    const { base, started, finish, gate } = await serveGated({ concurrency: 1, maxWaiting: 1 });
    const first = fetch(base + "/a");
    await until(() => started.length === 1);
    const second = fetch(base + "/b");
    await until(() => gate.waiting() === 1);
    const refused = await fetch(base + "/c");
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(refused.headers.get("x-content-type-options")).toBe("nosniff");
    expect(refused.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(await refused.text()).toBe("服务器繁忙，请稍后再试");
    finish("/a");
    await until(() => started.length === 2);
    finish("/b");
    expect((await first).status).toBe(200);
    expect(await (await second).text()).toBe("done /b");
  });

  it("gives the place up after the hold limit, so one slow response cannot block the pages", async () => {
    const { base, started, finish } = await serveGated({ concurrency: 1, maxWaiting: 10, holdLimitMs: 100 });
    const slow = fetch(base + "/slow-download");
    await until(() => started.length === 1);
    const page = fetch(base + "/page");
    await until(() => started.length === 2);
    finish("/page");
    expect(await (await page).text()).toBe("done /page");
    finish("/slow-download");
    await slow;
  });

  it("frees the place of a client that hung up while rendering", async () => {
    const { base, started, gate } = await serveGated({ concurrency: 1, maxWaiting: 10 });
    const aborted = new AbortController();
    const gone = fetch(base + "/gone", { signal: aborted.signal }).catch(() => "aborted");
    await until(() => started.length === 1);
    aborted.abort();
    expect(await gone).toBe("aborted");
    await until(() => gate.inFlight() === 0);
    const next = fetch(base + "/next");
    await until(() => started.length === 2);
    expect(started[1]).toBe("/next");
    // /next is still rendering (never finished): it holds the one place.
    expect(gate.inFlight()).toBe(1);
    next.catch(() => undefined);
  });

  it("lets the build's static files through without waiting", async () => {
    expect(passesUngated("/_next/static/chunks/app.js")).toBe(true);
    expect(passesUngated("/")).toBe(false);
    expect(passesUngated("/_next/data/x.json")).toBe(false);
    // Paths Next.js would resolve to a page wait like any page.
    for (const path of ["/_next/static/../districts/1", "/_next/static/%2e%2e/districts/1", "/_next/static/..%2f..%2f", "/_next/static\\..\\x", "/_next/static/./x"]) {
      expect(passesUngated(path), path).toBe(false);
    }
    const { base, started, finish } = await serveGated({ concurrency: 1, maxWaiting: 0 });
    const page = fetch(base + "/page");
    await until(() => started.length === 1);
    const asset = fetch(base + "/_next/static/chunks/app.js");
    await until(() => started.length === 2);
    finish("/_next/static/chunks/app.js");
    expect((await asset).status).toBe(200);
    finish("/page");
    await page;
  });
});
