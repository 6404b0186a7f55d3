import { test as base, expect, type Locator, type Page } from "@playwright/test";
import { watchPage } from "../support";

/**
 * As tests/e2e/support.ts: a page fails its test on a console error or an uncaught page error, with
 * one exception these tests ask for: the browser's own note that a document came back 403, logged
 * whenever a page is refused. The refusal itself is asserted by each test.
 */

export const test = base.extend({
  page: async ({ page }, use) => {
    const done = watchConsole(page);
    await use(page);
    done();
  },
});

export { expect };

/** The same watch for a page opened from a context of its own: call the result at the end. */
export function watchConsole(page: Page): () => void {
  return watchPage(page, [403]);
}

/**
 * Waits until React has hydrated the element: a test that edits the DOM by hand (a crafted option) must do it
 * after, or hydration on a slow host replaces its edit with the server's markup before the form is sent.
 */
export async function hydrated(locator: Locator): Promise<void> {
  await expect.poll(() => locator.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber$"))), { message: "页面应完成加载（hydration）" }).toBe(true);
}

/** Signs in through the sign-in page's form, as a person would. */
export async function signInWithForm(page: Page, username: string, password: string): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith("/login")) await page.goto("/login");
  await page.getByLabel("账号", { exact: true }).fill(username);
  await page.getByLabel("密码", { exact: true }).fill(password);
  // The form posts and the handler answers with a redirect: wait for the new document, so a message
  // read next is this attempt's, not the previous one's (a repeated failure shows the same text).
  const navigated = page.waitForEvent("framenavigated", (frame) => frame === page.mainFrame());
  await page.getByRole("button", { name: "登录" }).click();
  await navigated;
  await page.waitForLoadState("domcontentloaded");
}
