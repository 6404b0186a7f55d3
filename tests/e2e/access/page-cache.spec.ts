import type { APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/demo/accounts";
import { expect, test } from "./page-test";
import { BROWSER_ACCEPT, SIGNED_OUT } from "./requests";

// The per-person cache of rendered pages (scripts/serve.ts, docs/decisions/008): a page asked again by the
// same person comes from it with a fresh nonce; another person, a signed-out cookie or a change of the store
// never gets a kept page.
test.use({ storageState: SIGNED_OUT });

async function signedIn(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, baseURL: string, username: string) {
  const context = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT, extraHTTPHeaders: { accept: BROWSER_ACCEPT } });
  const res = await context.post("/auth/sign-in", { form: { username, password: DEMO_PASSWORD }, maxRedirects: 0 });
  expect(res.status()).toBe(303);
  return context;
}

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1] ?? "";

test("the same person gets a kept page with a new nonce; another person and a signed-out cookie do not", async ({ playwright, baseURL }) => {
  const url = `/rankings?sort=name&dir=desc&probe=${Date.now()}`;
  const office = await signedIn(playwright, baseURL!, "office");
  const first = await office.get(url);
  expect(first.status()).toBe(200);
  expect(first.headers()["x-render-cache"]).toBe("miss");
  const again = await office.get(url);
  expect(again.headers()["x-render-cache"]).toBe("hit");
  const [n1, n2] = [nonceOf(first.headers()["content-security-policy"]), nonceOf(again.headers()["content-security-policy"])];
  expect(n1).not.toBe("");
  expect(n2).not.toBe(n1);
  const [html1, html2] = [await first.text(), await again.text()];
  expect(html2).toContain(`nonce="${n2}"`);
  expect(html2).not.toContain(n1);
  expect(html2.split(n2).join(n1)).toBe(html1);

  // Another person (a 部门) renders their own page, even for the same URL.
  const samr = await signedIn(playwright, baseURL!, "samr");
  expect((await samr.get(url)).headers()["x-render-cache"]).toBe("miss");

  // Signed out, the same cookie gets the sign-in page, not the kept page.
  const cookie = (await office.storageState()).cookies.find((c) => c.name === "xyjc_session")!;
  expect((await office.post("/auth/sign-out", { maxRedirects: 0, headers: { origin: baseURL! } })).status()).toBe(303);
  const stale = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT });
  const afterSignOut = await stale.get(url, { headers: { cookie: `xyjc_session=${cookie.value}`, accept: BROWSER_ACCEPT }, maxRedirects: 0 });
  // The proxy answers a missing cookie with 303; a page answers a cookie whose session ended with 307.
  expect([303, 307]).toContain(afterSignOut.status());
  expect(afterSignOut.headers()["location"]).toContain("/login");
  await Promise.all([office.dispose(), samr.dispose(), stale.dispose()]);
});

test("a change to the store renders the page again", async ({ playwright, baseURL }) => {
  const url = `/rankings?probe=${Date.now()}`;
  const office = await signedIn(playwright, baseURL!, "office");
  await office.get(url);
  expect((await office.get(url)).headers()["x-render-cache"]).toBe("hit");
  // A write through the write path: a refused file is recorded as a batch, and the store is marked changed.
  const csv = "行政相对人名称\n某公司";
  const refused = await office.post("/api/v1/imports/sgs-penalty?department=1", { data: csv, headers: { "x-file-name": "no-key.csv", "content-type": "text/csv", origin: baseURL! } });
  expect(refused.status()).toBe(422);
  expect((await office.get(url)).headers()["x-render-cache"]).toBe("miss");
  // 数据 holds a form's one-time key, so it is never kept: the refused file is in its history at once.
  const data = await office.get("/data");
  expect(data.headers()["x-render-cache"]).toBe("miss");
  expect(await data.text()).toContain("no-key.csv");
  await office.dispose();
});
