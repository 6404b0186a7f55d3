import { expect, test, type APIResponse } from "@playwright/test";
import { BROWSER_ACCEPT, requestAs } from "./requests";

// The security headers on every kind of answer: pages, downloads, refusals, the sign-in page, static
// files and the API.
test.use({ storageState: { cookies: [], origins: [] } });

function securityProblems(response: APIResponse): string[] {
  const h = response.headers();
  const problems: string[] = [];
  const csp = h["content-security-policy"] ?? "";
  if (!/(^|;\s*)frame-ancestors 'none'(;|$)/.test(csp)) problems.push(`Content-Security-Policy 缺少 frame-ancestors 'none'：“${csp}”`);
  if (!/(^|;\s*)default-src 'self'(;|$)/.test(csp)) problems.push("Content-Security-Policy 缺少 default-src 'self'");
  if (!/(^|;\s*)object-src 'none'(;|$)/.test(csp)) problems.push("Content-Security-Policy 缺少 object-src 'none'");
  if (/script-src[^;]*'unsafe-inline'/.test(csp) || /script-src[^;]*'unsafe-eval'/.test(csp)) problems.push("生产环境的 script-src 不应允许 unsafe-inline / unsafe-eval");
  if (h["x-content-type-options"] !== "nosniff") problems.push(`X-Content-Type-Options：${h["x-content-type-options"]}`);
  if (!["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"].includes(h["referrer-policy"] ?? "")) problems.push(`Referrer-Policy：${h["referrer-policy"]}`);
  if (h["x-frame-options"] !== "DENY") problems.push(`X-Frame-Options：${h["x-frame-options"]}`);
  if (h["x-powered-by"]) problems.push(`不应暴露 X-Powered-By：${h["x-powered-by"]}`);
  return problems;
}

test("every kind of answer carries the security headers", async ({ playwright }) => {
  const office = await requestAs(playwright, "office");
  const leader = await requestAs(playwright, "leader");
  const anon = await requestAs(playwright, "anon");
  const page = { Accept: BROWSER_ACCEPT };

  const overview = await office.get("/", { headers: page });
  const html = await overview.text();
  // A script file of the build, as the page refers to it.
  const script = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  expect(script, "总览页面中应有 /_next/static/ 脚本").toBeTruthy();
  const stylesheet = html.match(/href="(\/_next\/static\/[^"]+\.css)"/)?.[1];

  const answers: [string, APIResponse, number][] = [
    ["页面（总览）", overview, 200],
    ["下载（排名 Excel）", await office.get("/rankings/export"), 200],
    ["下载（明细 Excel）", await office.get("/indicators/sgs_timeliness_rate/export"), 200],
    ["下载（通报 Word）", await office.get(`/circulars/${(await (await office.get("/circulars", { headers: page })).text()).match(/\/circulars\/(\d{4}-\d{2})\/docx/)?.[1]}/docx`), 200],
    ["404 页面", await office.get("/no-such-page", { headers: page }), 404],
    ["404 下载", await office.get("/indicators/no_such_indicator/export"), 404],
    ["403 页面", await leader.get("/settings", { headers: page }), 403],
    ["403 下载", await leader.get("/settings/audit/export"), 403],
    ["400 下载", await office.get("/circulars/issued/abc/docx"), 400],
    ["登录页", await anon.get("/login", { headers: page }), 200],
    ["未登录跳转", await anon.get("/rankings", { headers: page, maxRedirects: 0 }), 303],
    ["未登录 401", await anon.get("/rankings/export"), 401],
    ["登录处理 303", await anon.post("/auth/sign-in", { form: { username: "", password: "" }, headers: page, maxRedirects: 0 }), 303],
    ["静态脚本", await anon.get(script!), 200],
    ...(stylesheet ? [["静态样式", await anon.get(stylesheet), 200] as [string, APIResponse, number]] : []),
    ["网站图标", await anon.get("/icon.svg"), 200],
    ["网站图标（ico）", await anon.get("/favicon.ico"), 200],
    ["接口 401", await anon.get("/api/v1/me"), 401],
    ["接口 200", await office.get("/api/v1/me"), 200],
  ];
  const problems: string[] = [];
  for (const [what, response, status] of answers) {
    if (response.status() !== status) problems.push(`${what}（${response.url()}）：状态应为 ${status}，实为 ${response.status()}`);
    for (const p of securityProblems(response)) problems.push(`${what}（${response.url()}）：${p}`);
  }
  expect(problems).toEqual([]);

  // Downloads and the API are not kept by shared caches, and are not sniffed into something else.
  for (const [what, response] of answers.filter(([w]) => w.startsWith("下载") || w.startsWith("接口 200"))) {
    if (response.status() === 200) expect(response.headers()["cache-control"], what).toMatch(/no-store|private/);
  }
  for (const context of [office, leader, anon]) await context.dispose();
});

test("the page's scripts run only with this response's nonce", async ({ playwright }) => {
  const office = await requestAs(playwright, "office");
  const first = await office.get("/rankings", { headers: { Accept: BROWSER_ACCEPT } });
  const second = await office.get("/rankings", { headers: { Accept: BROWSER_ACCEPT } });
  const nonce = (r: APIResponse) => r.headers()["content-security-policy"]?.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce(first)).toBeTruthy();
  expect(nonce(first), "每次响应的 nonce 应不同").not.toBe(nonce(second));
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  const withoutNonce = scripts.filter((tag) => !tag.includes(`nonce="${nonce(first)}"`));
  expect(withoutNonce, "没有本次 nonce 的脚本").toEqual([]);
  await office.dispose();
});

test("the sign-in cookie is HttpOnly and SameSite, and refusals do not set one", async ({ playwright }) => {
  const anon = await requestAs(playwright, "anon");
  const ok = await anon.post("/auth/sign-in", { form: { username: "xishan", password: "Shifan@2026" }, maxRedirects: 0 });
  expect(ok.status()).toBe(303);
  const cookie = ok.headers()["set-cookie"] ?? "";
  expect(cookie).toMatch(/^xyjc_session=[A-Za-z0-9_-]{32,};/);
  expect(cookie).toMatch(/; HttpOnly/);
  expect(cookie).toMatch(/; SameSite=Lax/);
  expect(cookie).toMatch(/; Path=\//);
  expect(ok.headers()["cache-control"]).toMatch(/no-store/);
  await anon.dispose();
});
