import type { Browser } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/demo/accounts";
import { screenshot } from "../support";
import { expect, signInWithForm, test, watchConsole } from "./page-test";
import { SIGNED_OUT } from "./requests";
import { lookUpIds, type DemoIds } from "./store";

// One journey per role, each signing in through the form in a browser of its own.
test.use({ storageState: SIGNED_OUT });

let ids: DemoIds;
test.beforeAll(async () => {
  ids = await lookUpIds();
});

async function signedIn(browser: Browser, username: string) {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  const clean = watchConsole(page);
  await page.goto("/");
  await signInWithForm(page, username, DEMO_PASSWORD);
  return { context, page, clean };
}

test("leader: reads 总览 and 排名; no 设置 and no 印发 anywhere", async ({ browser }) => {
  const { context, page, clean } = await signedIn(browser, "leader");
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1, name: "总览" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link")).toHaveText(["总览", "排名", "指标", "区县", "任务", "部门", "督办", "通报", "数据", "消息"]);
  await expect(page.getByRole("link", { name: "设置" })).toHaveCount(0);
  await screenshot(page, "access-leader-overview");

  await nav.getByRole("link", { name: "排名" }).click();
  await expect(page).toHaveURL(/\/rankings/);
  await expect(page.getByRole("heading", { level: 1, name: "排名" })).toBeVisible();
  await expect(page.getByRole("table").first().getByRole("row")).not.toHaveCount(0);
  await screenshot(page, "access-leader-rankings");

  await nav.getByRole("link", { name: "通报" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "通报" })).toBeVisible();
  await expect(page.getByRole("button", { name: "印发" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "保存设置" })).toHaveCount(0);

  // Typed in by hand, 设置 is refused.
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  clean();
  await context.close();
});

test("office: 设置 → 操作日志 shows its own sign-in, newest first", async ({ browser }) => {
  const { context, page, clean } = await signedIn(browser, "office");
  await expect(page).toHaveURL("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "设置" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "设置" })).toBeVisible();
  await page.getByRole("link", { name: /操作日志/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "操作日志" })).toBeVisible();
  const newest = page.getByRole("table", { name: /操作日志/ }).getByRole("row").nth(1);
  await expect(newest).toContainText("市信用办");
  await expect(newest.getByRole("cell").nth(4)).toHaveText("登录");
  await screenshot(page, "access-office-audit");
  clean();
  await context.close();
});

test("samr: lands on its department, opens a weak indicator's drill-down and sees only its own records", async ({ browser }) => {
  const { context, page, clean } = await signedIn(browser, "samr");
  await expect(page).toHaveURL(`/departments/${ids.samr.id}`);
  await expect(page.getByRole("heading", { level: 1, name: ids.samr.name })).toBeVisible();
  const weak = page.getByRole("region", { name: /本部门负责的未达标指标/ });
  await weak.getByRole("link", { name: "双公示及时率" }).click();
  await expect(page).toHaveURL(/\/indicators\/sgs_timeliness_rate/);
  await expect(page.getByRole("heading", { level: 1, name: "双公示及时率" })).toBeVisible();

  const records = page.locator("#records");
  const table = records.getByRole("table");
  await expect(table).toBeVisible();
  const headers = await table.getByRole("columnheader").allTextContents();
  const column = headers.indexOf("部门");
  expect(column, `明细表应有“部门”列：${headers.join("、")}`).toBeGreaterThanOrEqual(0);
  const departments = await table.locator("tbody tr").evaluateAll((rows, i) => rows.map((r) => r.children[i]?.textContent ?? ""), column);
  expect(departments.length).toBeGreaterThan(0);
  expect([...new Set(departments)]).toEqual([ids.samr.shortName]);
  await screenshot(page, "access-samr-drilldown");

  // Another department's page, typed in by hand, is refused.
  await page.goto(`/departments/${ids.tax.id}`);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  clean();
  await context.close();
});

test("chengguan: lands on 城关区, opens one of its towns, and is refused 西山区", async ({ browser }) => {
  const { context, page, clean } = await signedIn(browser, "chengguan");
  await expect(page).toHaveURL(`/districts/${ids.chengguan.code}`);
  await expect(page.getByRole("heading", { level: 1, name: ids.chengguan.name })).toBeVisible();
  const towns = page.getByRole("region", { name: "下辖镇街排名" });
  const town = towns.getByRole("rowheader").getByRole("link").first();
  const townName = (await town.textContent())!;
  await town.click();
  await expect(page).toHaveURL(new RegExp(`/districts/${ids.chengguan.code}\\d{3}`));
  await expect(page.getByRole("heading", { level: 1, name: townName })).toBeVisible();
  await screenshot(page, "access-chengguan-town");

  await page.goto(`/districts/${ids.xishan.code}`);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  await expect(page.getByText(ids.xishan.name)).toHaveCount(0);
  await screenshot(page, "access-chengguan-refused");
  clean();
  await context.close();
});
