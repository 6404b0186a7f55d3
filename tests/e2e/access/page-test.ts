import { test as base, expect, type Page } from "@playwright/test";

/**
 * As tests/e2e/support.ts: a page fails its test on a console error or an uncaught page error, with
 * one exception these tests ask for: the browser's own note that a document came back 403, logged
 * whenever a page is refused. The refusal itself is asserted by each test.
 */
const REFUSED_DOCUMENT = /^Failed to load resource: the server responded with a status of 403 \(Forbidden\)$/;

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on("console", (msg) => msg.type() === "error" && !REFUSED_DOCUMENT.test(msg.text()) && problems.push(msg.text()));
    page.on("pageerror", (error) => problems.push(error.message));
    await use(page);
    expect(problems, "页面控制台错误").toEqual([]);
  },
});

export { expect };

/** The same watch for a page opened from a context of its own: call the result at the end. */
export function watchConsole(page: Page): () => void {
  const problems: string[] = [];
  // Which requests failed, to say what a "Failed to load resource" message was about.
  const failed: string[] = [];
  page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.request().method()} ${r.url()} ${JSON.stringify(r.request().headers())}`));
  page.on("console", (msg) => msg.type() === "error" && !REFUSED_DOCUMENT.test(msg.text()) && problems.push(msg.text()));
  page.on("pageerror", (error) => problems.push(error.message));
  return () => expect(problems, `页面控制台错误；失败的请求：\n${failed.join("\n")}`).toEqual([]);
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
