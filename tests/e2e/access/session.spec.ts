import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/demo/accounts";
import { screenshot } from "../support";
import { expect, signInWithForm, test, watchConsole } from "./page-test";
import { BROWSER_ACCEPT, redirectTarget, SIGNED_OUT } from "./requests";
import { lookUpIds, type DemoIds } from "./store";

// Signing in and out through the real form, as each kind of user. Every test starts signed out.
test.use({ storageState: SIGNED_OUT });

let ids: DemoIds;
test.beforeAll(async () => {
  ids = await lookUpIds();
});

/**
 * Failed sign-ins also count against the client's address, and a few of them slow every sign-in from
 * it. The tests that fail on purpose therefore come from addresses of their own (documentation
 * range, RFC 5737), as clients behind the proxy the app is deployed behind would.
 */
const fromAddress = (address: string): BrowserContextOptions => ({ storageState: SIGNED_OUT, extraHTTPHeaders: { "X-Forwarded-For": address } });

/** The sign-in page's message (Next.js keeps an empty route announcer with role alert outside main). */
const alertOn = (page: Page) => page.getByRole("main").getByRole("alert");

async function freshPage(browser: Browser, options: BrowserContextOptions = { storageState: SIGNED_OUT }) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { context, page, clean: watchConsole(page) };
}

test("each role signs in through the form and lands on its own home", async ({ browser }) => {
  const homes: [string, string, string][] = [
    ["leader", "/", "市领导"],
    ["office", "/", "市信用办"],
    ["samr", `/departments/${ids.samr.id}`, "市市场监管局"],
    ["chengguan", `/districts/${ids.chengguan.code}`, "城关区信用办"],
  ];
  for (const [username, home, shownAs] of homes) {
    const { context, page, clean } = await freshPage(browser);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
    await signInWithForm(page, username, DEMO_PASSWORD);
    await expect(page, `${username} 登录后的首页`).toHaveURL(home);
    await expect(page.getByTestId("signed-in-as")).toContainText(shownAs);
    const [cookie] = (await context.cookies()).filter((c) => c.name === "xyjc_session");
    expect(cookie, "会话 Cookie").toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    clean();
    await context.close();
  }
});

test("a wrong password and an unknown account get the same 账号或密码错误", async ({ browser }) => {
  const { context, page, clean } = await freshPage(browser, fromAddress("198.51.100.21"));
  await page.goto("/login");
  await signInWithForm(page, "xishan", "not-the-password");
  await expect(alertOn(page)).toHaveText("账号或密码错误");
  await expect(page).toHaveURL(/\/login\?/);
  // The account name is kept for the next try; the password is not.
  await expect(page.getByLabel("账号", { exact: true })).toHaveValue("xishan");
  await expect(page.getByLabel("密码", { exact: true })).toHaveValue("");
  await screenshot(page, "access-login-wrong-password");
  await signInWithForm(page, "no-such-account", "not-the-password");
  await expect(alertOn(page)).toHaveText("账号或密码错误");
  expect((await context.cookies()).filter((c) => c.name === "xyjc_session")).toEqual([]);
  clean();
  await context.close();
});

test("repeated failures on one account: a growing wait, then the account is locked even for the right password", async ({ browser, playwright }) => {
  // 3 free failures, then waits of 1, 2, 4 … 32, 60 seconds before the 4th … 10th; the 10th locks.
  test.setTimeout(5 * 60_000);
  const address = "198.51.100.44";
  const { context, page, clean } = await freshPage(browser, fromAddress(address));
  await page.goto("/login");
  for (let i = 1; i <= 3; i++) {
    await signInWithForm(page, "tax", `wrong-${i}`);
    await expect(alertOn(page), `第${i}次输错`).toHaveText("账号或密码错误");
  }
  // The 4th attempt comes at once and is told to wait (1 s). A slow host may take longer than that
  // between two submissions; then the attempt counts as one more failure and the next wait doubles, so
  // keep trying until the form shows a wait — the exact schedule is tested in throttle-policy.test.ts.
  let failures = 3;
  let shownWait = 0;
  for (let attempt = 0; attempt < 5 && shownWait === 0; attempt++) {
    await signInWithForm(page, "tax", `wrong-${failures + 1}`);
    await expect(alertOn(page)).toHaveText(/^(账号或密码错误|登录失败次数较多，请\d+秒后再试)$/);
    const text = (await alertOn(page).textContent()) ?? "";
    const seconds = Number(text.match(/请(\d+)秒后再试/)?.[1] ?? 0);
    if (seconds > 0) shownWait = seconds;
    else failures++;
  }
  expect(shownWait, "连续输错后，登录页应提示等待").toBeGreaterThan(0);
  await screenshot(page, "access-login-throttled");
  // After the wait, a wrong password is judged again (and counts), rather than being refused unread.
  await page.waitForTimeout(shownWait * 1000 + 150);
  await signInWithForm(page, "tax", `wrong-${failures + 1}`);
  await expect(alertOn(page)).toHaveText("账号或密码错误");
  failures++;

  // The rest without a browser: the handler answers 401 for a failure, 429 with the wait.
  const client = await playwright.request.newContext({ storageState: SIGNED_OUT, extraHTTPHeaders: { "X-Forwarded-For": address } });
  const waits: number[] = [];
  for (let attempt = 0; failures < 10 && attempt < 30; attempt++) {
    const response = await client.post("/auth/sign-in", { form: { username: "tax", password: `wrong-${failures + 1}` }, maxRedirects: 0 });
    const text = await response.text();
    if (response.status() === 401) {
      expect(text).toBe("账号或密码错误");
      failures++;
      continue;
    }
    expect(response.status(), text).toBe(429);
    const seconds = Number(text.match(/请(\d+)秒后再试/)?.[1]);
    expect(seconds, text).toBeGreaterThan(0);
    waits.push(seconds);
    await page.waitForTimeout(seconds * 1000 + 150);
  }
  expect(failures).toBe(10);
  // The waits grew (each is what was left of 2, 4 … 60 s when asked) before the account locked.
  expect(Math.max(...waits)).toBeGreaterThanOrEqual(16);

  const locked = await client.post("/auth/sign-in", { form: { username: "tax", password: DEMO_PASSWORD }, maxRedirects: 0 });
  expect(locked.status()).toBe(429);
  expect(await locked.text()).toMatch(/^登录失败次数过多，已暂时锁定，请1[45]分钟后再试/);
  await client.dispose();

  await signInWithForm(page, "tax", DEMO_PASSWORD);
  await expect(alertOn(page)).toContainText("登录失败次数过多，已暂时锁定");
  await expect(page).toHaveURL(/\/login\?/);
  expect((await context.cookies()).filter((c) => c.name === "xyjc_session")).toEqual([]);
  await screenshot(page, "access-login-locked");
  clean();
  await context.close();
});

test("退出 ends the session: back on the sign-in page, and the old cookie no longer opens anything", async ({ browser, playwright }) => {
  const { context, page, clean } = await freshPage(browser);
  await page.goto("/login");
  await signInWithForm(page, "leader", DEMO_PASSWORD);
  await expect(page).toHaveURL("/");
  const [cookie] = (await context.cookies()).filter((c) => c.name === "xyjc_session");
  expect(cookie?.value).toBeTruthy();

  // Read the page first: prefetches of its links still in flight when the cookie is cleared would be
  // answered 401 (correctly) and logged by the browser.
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText("已安全退出。");
  expect((await context.cookies()).filter((c) => c.name === "xyjc_session")).toEqual([]);
  await page.goto("/rankings");
  await expect(page).toHaveURL(/\/login\?next=%2Frankings$/);
  clean();
  await context.close();

  // Replayed by hand, the old cookie gets the sign-in page or 401, never data.
  const replay = await playwright.request.newContext({ storageState: SIGNED_OUT, extraHTTPHeaders: { Cookie: `xyjc_session=${cookie!.value}` } });
  const home = await replay.get("/", { headers: { Accept: BROWSER_ACCEPT }, maxRedirects: 0 });
  // The proxy sends a browser without any cookie on with 303; a cookie whose session has ended passes
  // the proxy and is sent on by the page (Next.js redirect(): 307). Either way, to the sign-in page.
  expect([303, 307], `旧 Cookie 打开总览：${home.status()}`).toContain(home.status());
  expect(redirectTarget(home)).toBe("/login");
  const rankings = await replay.get("/rankings", { headers: { Accept: BROWSER_ACCEPT }, maxRedirects: 0 });
  expect([303, 307]).toContain(rankings.status());
  expect(redirectTarget(rankings)).toBe("/login?next=%2Frankings");
  expect(await rankings.text()).not.toContain("综合得分");
  for (const url of ["/rankings/export", "/api/v1/me", `/indicators/sgs_timeliness_rate/export?unit=${ids.city.id}`]) {
    const response = await replay.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(401);
    expect(await response.text()).toContain("请先登录");
  }
  await replay.dispose();
});

test("`next` brings the user back to the page asked for, and never to another site", async ({ browser, playwright }) => {
  const { context, page, clean } = await freshPage(browser);
  await page.goto("/rankings?level=town");
  await expect(page).toHaveURL(/\/login\?next=%2Frankings%3Flevel%3Dtown$/);
  await signInWithForm(page, "office", DEMO_PASSWORD);
  await expect(page).toHaveURL("/rankings?level=town");
  await expect(page.getByRole("heading", { level: 1, name: "排名" })).toBeVisible();
  clean();
  await context.close();

  // Browsers drop tabs and newlines from a URL and read "\\" as "/": each of these would leave the site.
  const unsafe = ["//evil.example", "//evil.example/rankings", "https://evil.example/", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "/login?next=//evil.example"];
  for (const next of unsafe) {
    const { context: c, page: p, clean: done } = await freshPage(browser);
    await p.goto(`/login?next=${encodeURIComponent(next)}`);
    // An unsafe `next` is not even carried in the form.
    await expect(p.locator('input[name="next"]')).toHaveCount(0);
    await signInWithForm(p, "office", DEMO_PASSWORD);
    await expect(p, `next=${next}`).toHaveURL("/");
    done();
    await c.close();
  }

  // Posted straight to the handler, an unsafe `next` is ignored the same way.
  const client = await playwright.request.newContext({ storageState: SIGNED_OUT });
  for (const next of unsafe) {
    const response = await client.post("/auth/sign-in", { form: { username: "leader", password: DEMO_PASSWORD, next }, headers: { Accept: BROWSER_ACCEPT }, maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(new URL(response.headers().location!, response.url()).host, `next=${next}`).toBe(new URL(response.url()).host);
    expect(redirectTarget(response)).toBe("/");
  }
  await client.dispose();
});

test("a sign-in posted from another site is refused", async ({ playwright }) => {
  const client = await playwright.request.newContext({ storageState: SIGNED_OUT });
  const response = await client.post("/auth/sign-in", {
    form: { username: "leader", password: DEMO_PASSWORD }, headers: { Origin: "http://evil.example", Accept: BROWSER_ACCEPT }, maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toBe("跨站提交的登录请求已拒绝");
  expect(response.headers()["set-cookie"]).toBeUndefined();
  await client.dispose();
});
