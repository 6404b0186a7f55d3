import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test, expect } from "@playwright/test";
import { ask, readSheet, redirectTarget, refusalProblem, mismatch, requestAs, BROWSER_ACCEPT } from "./requests";
import { discoverRoutes, routeTable, strayUrls, tableGaps, WHO, type Sample } from "./routes";
import { lookUpIds, plantTasks, type DemoIds, type PlantedTasks } from "./store";

// Every route × every kind of viewer, asked over HTTP with each demo account's stored session.
test.use({ storageState: { cookies: [], origins: [] } });

let ids: DemoIds;
let tasks: PlantedTasks;

test.beforeAll(async () => {
  ids = await lookUpIds();
  tasks = await plantTasks(ids);
});

test.afterAll(async () => {
  await tasks?.remove();
});

test("every route in app/ has an entry in the access table, and every entry a route", () => {
  const discovered = discoverRoutes();
  // The walk itself must find the app: a broken walk would make this check pass vacuously.
  expect(discovered.length).toBeGreaterThanOrEqual(25);
  expect(discovered.map((r) => r.pattern)).toEqual(expect.arrayContaining(["/", "/departments/[id]", "/api/v1/me", "/settings/audit/export"]));
  const gaps = tableGaps(discovered, routeTable(ids, tasks));
  expect(gaps.undescribed, "app/ 中有路由未写入 tests/e2e/access/routes.ts 的访问表").toEqual([]);
  expect(gaps.stale, "访问表中有 app/ 已没有的路由").toEqual([]);
});

test("the route check notices a route added anywhere, in a route group or a private folder too", () => {
  const app = mkdtempSync(join(tmpdir(), "access-app-"));
  const add = (path: string) => {
    mkdirSync(join(app, dirname(path)), { recursive: true });
    writeFileSync(join(app, path), "export default function P() { return null; }\n");
  };
  add("page.tsx");
  add("(reports)/new-report/[id]/page.tsx");
  add("api/v1/upload/route.ts");
  add("_drafts/page.tsx");
  add("@modal/settings/page.tsx");
  add("robots.ts");
  const found = discoverRoutes(app);
  rmSync(app, { recursive: true, force: true });
  expect(found.map((r) => r.pattern)).toEqual(["/", "/_drafts", "/api/v1/upload", "/new-report/[id]", "/robots.txt", "/settings"]);
  const gaps = tableGaps(found, routeTable(ids, tasks));
  expect(gaps.undescribed).toEqual(["/_drafts", "/api/v1/upload", "/new-report/[id]", "/robots.txt"]);
});

for (const who of WHO) {
  test(`${who === "anon" ? "signed out" : who}: every route answers as the access table says`, async ({ playwright }) => {
    const context = await requestAs(playwright, who);
    const samples: Sample[] = [...Object.values(routeTable(ids, tasks)).flat(), ...strayUrls()];
    const problems: string[] = [];
    for (const sample of samples) {
      const response = await ask(context, sample);
      const wrong = mismatch(response, sample.expect[who]) ?? (await refusalProblem(response, sample, who));
      if (wrong) problems.push(`${sample.label}（${sample.method ?? "GET"} ${sample.url}）：${wrong}`);
    }
    await context.dispose();
    expect(problems, `${who} 的访问结果与访问表不符`).toEqual([]);
  });
}

test("signed out, nothing but the sign-in page: no route answers with data", async ({ playwright }) => {
  const context = await requestAs(playwright, "anon");
  const leaks: string[] = [];
  for (const sample of Object.values(routeTable(ids, tasks)).flat()) {
    const response = await ask(context, sample);
    const status = response.status();
    const fine = status === 401 || (status === 303 && /^\/login(\?|$)/.test(redirectTarget(response) ?? ""))
      // Public by design: the sign-in page, the sign-in handler and the icons.
      || ["/login", "/login?next=%2Frankings", "/auth/sign-in", "/icon.svg", "/favicon.ico"].includes(sample.url);
    if (!fine) leaks.push(`${sample.url}: ${status}`);
  }
  // The router's payload requests and server-action posts are refused the same way.
  for (const headers of [{ RSC: "1" }, { "Next-Router-Prefetch": "1", RSC: "1" }] as Record<string, string>[]) {
    const response = await context.get(`/departments/${ids.samr.id}`, { headers, maxRedirects: 0 });
    if (response.status() !== 401) leaks.push(`RSC /departments/${ids.samr.id}: ${response.status()}`);
  }
  const action = await context.post("/circulars", { headers: { "Next-Action": "0".repeat(42), Accept: "text/x-component" }, data: "[]", maxRedirects: 0 });
  if (action.status() !== 401) leaks.push(`server action POST /circulars: ${action.status()}`);
  await context.dispose();
  expect(leaks).toEqual([]);
});

test("samr sees only its own department: another department's page and task are refused, its drill-down and export hold only its records", async ({ playwright }) => {
  const samr = await requestAs(playwright, "samr");
  const office = await requestAs(playwright, "office");
  const page = (url: string) => samr.get(url, { headers: { Accept: BROWSER_ACCEPT }, maxRedirects: 0 });

  expect((await page(`/departments/${ids.tax.id}`)).status()).toBe(403);
  expect((await page(`/tasks/${tasks.other.id}`)).status()).toBe(403);
  expect((await page(`/tasks/${tasks.own.id}`)).status()).toBe(200);

  // The task list and its download name only the tasks that name 市市场监管局.
  const list = await (await page("/tasks")).text();
  expect(list).toContain(tasks.own.title);
  expect(list).not.toContain(tasks.other.title);
  const taskRows = await readSheet(await (await samr.get("/tasks/export")).body(), "任务");
  expect(taskRows.map((r) => r["任务"])).toContain(tasks.own.title);
  expect(taskRows.map((r) => r["任务"])).not.toContain(tasks.other.title);

  // The router's payload of another department's page carries none of it either.
  const rsc = await samr.get(`/departments/${ids.tax.id}?_rsc=access`, { headers: { RSC: "1" } });
  expect(await rsc.text()).not.toContain(ids.tax.name);

  // 双公示 records behind the city's 及时率: samr's screen and download hold its own records only…
  const drill = `/indicators/sgs_timeliness_rate?unit=${ids.city.id}`;
  const screen = await (await page(drill)).text();
  expect(screen).toContain(ids.samr.shortName);
  const exported = await samr.get(`/indicators/sgs_timeliness_rate/export?unit=${ids.city.id}`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-type"]).toContain("spreadsheetml");
  const rows = await readSheet(await exported.body(), "部门");
  expect(rows.length, "市市场监管局应有逾期上报的记录，否则此检查没有意义").toBeGreaterThan(0);
  expect([...new Set(rows.map((r) => r["部门"]))]).toEqual([ids.samr.shortName]);

  // …while the office's download of the same list holds other departments' records too.
  const officeRows = await readSheet(await (await office.get(`/indicators/sgs_timeliness_rate/export?unit=${ids.city.id}`)).body(), "部门");
  expect(new Set(officeRows.map((r) => r["部门"])).size).toBeGreaterThan(1);
  expect(officeRows.length).toBeGreaterThan(rows.length);

  // An indicator another department owns (纳税信用A级 is 市税务局's): its list holds nothing of samr's.
  const foreign = await readSheet(await (await samr.get(`/indicators/tax_a_share/export?unit=${ids.city.id}`)).body(), "主体名称");
  expect(foreign).toEqual([]);
  const foreignForOffice = await readSheet(await (await office.get(`/indicators/tax_a_share/export?unit=${ids.city.id}`)).body(), "主体名称");
  expect(foreignForOffice.length).toBeGreaterThan(0);
  await samr.dispose();
  await office.dispose();
});

test("chengguan sees only its district: another district's page, drill-down and export are refused", async ({ playwright }) => {
  const chengguan = await requestAs(playwright, "chengguan");
  const page = (url: string) => chengguan.get(url, { headers: { Accept: BROWSER_ACCEPT }, maxRedirects: 0 });
  expect((await page(`/districts/${ids.chengguan.code}`)).status()).toBe(200);
  expect((await page(`/districts/${ids.chengguanTown.code}`)).status()).toBe(200);
  const other = await page(`/districts/${ids.xishan.code}`);
  expect(other.status()).toBe(403);
  expect(await other.text()).toContain("无权访问");
  expect((await page(`/indicators/sgs_timeliness_rate?unit=${ids.xishan.id}`)).status()).toBe(403);
  const exported = await chengguan.get(`/indicators/sgs_timeliness_rate/export?unit=${ids.xishan.id}`);
  expect(exported.status()).toBe(403);
  expect(exported.headers()["content-type"]).toMatch(/^text\/plain/);
  expect(await exported.text()).toMatch(/[\u4e00-\u9fff]/);
  expect((await page("/departments")).status()).toBe(403);

  // Its own drill-down (the default unit) and download hold records of 城关区 only.
  const own = await chengguan.get("/indicators/sgs_timeliness_rate/export");
  expect(own.status()).toBe(200);
  const rows = await readSheet(await own.body(), "区县");
  expect(rows.length).toBeGreaterThan(0);
  expect([...new Set(rows.map((r) => r["区县"]))]).toEqual([ids.chengguan.name]);

  // The router's payload of the other district carries none of its figures.
  const rsc = await chengguan.get(`/districts/${ids.xishan.code}?_rsc=access`, { headers: { RSC: "1" } });
  expect(await rsc.text()).not.toContain(ids.xishan.name);
  await chengguan.dispose();
});
