import { authStateFile } from "../auth-state";
import { screenshot } from "../support";
import { expect, test } from "./page-test";
import { SIGNED_OUT } from "./requests";
import { lookUpIds } from "./store";

// The office issues a token for 市税务局's system on 设置 → 接口令牌; the system calls the API with
// it until the office revokes it.
test.use({ storageState: authStateFile("office") });

test("a token issued for 市税务局 answers /api/v1/me as 市税务局 until it is revoked", async ({ page, playwright }) => {
  const ids = await lookUpIds();
  const purpose = `门禁测试${Date.now() % 100000}`;
  await page.goto("/settings");
  await page.getByRole("link", { name: /接口令牌/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "接口令牌" })).toBeVisible();

  const form = page.getByRole("form", { name: "发放令牌" });
  await form.getByLabel("部门").selectOption({ label: ids.tax.shortName });
  await form.getByLabel("用途").fill(purpose);
  await form.getByRole("button", { name: "发放令牌" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toHaveText(/^xyjc_[A-Za-z0-9_-]{40,}$/);
  const token = (await shown.textContent())!;
  const row = page.getByRole("region", { name: /已发放/ }).getByRole("row", { name: new RegExp(purpose) });
  await expect(row).toContainText(ids.tax.shortName);
  await expect(row).toContainText("有效");
  // The list shows the token's prefix, never the token.
  await expect(page.getByRole("region", { name: /已发放/ })).not.toContainText(token);
  await screenshot(page, "access-token-issued");

  // The department's system: no cookie, only the token.
  const system = await playwright.request.newContext({ storageState: SIGNED_OUT });
  const me = await system.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(me.headers()["content-type"]).toContain("application/json");
  const body = await me.json();
  expect(body).toMatchObject({ role: "department", department: { id: ids.tax.id, code: "tax", name: ids.tax.name } });
  expect(body.name).toBe(`${ids.tax.shortName}·${purpose}`);
  // The token opens the API only: pages still want a signed-in person.
  const pageWithToken = await system.get(`/departments/${ids.tax.id}`, { headers: { Authorization: `Bearer ${token}` }, maxRedirects: 0 });
  expect(pageWithToken.status()).toBe(401);
  // A token that differs by a character is unknown.
  const altered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
  expect((await system.get("/api/v1/me", { headers: { Authorization: `Bearer ${altered}` } })).status()).toBe(401);

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "吊销" }).click();
  await expect(row).toContainText("已吊销");
  await screenshot(page, "access-token-revoked");

  const after = await system.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  expect(after.headers()["content-type"]).toMatch(/^text\/plain/);
  expect(await after.text()).toContain("请先登录");
  await system.dispose();
});
