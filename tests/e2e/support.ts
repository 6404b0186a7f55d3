import { test as base, expect } from "@playwright/test";

/** Every journey fails on a console error or an uncaught page error, as a user would see a broken page. */
export const test = base.extend({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on("console", (msg) => msg.type() === "error" && problems.push(msg.text()));
    page.on("pageerror", (error) => problems.push(error.message));
    await use(page);
    expect(problems, "页面控制台错误").toEqual([]);
  },
});

export { expect };

export const SCREENSHOT_DIR = "artifacts/screenshots";
