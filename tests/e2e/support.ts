import { test as base, expect, type Page } from "@playwright/test";

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

/** How many pixels of a chart's canvas are painted: an empty canvas has none. */
export async function paintedPixels(page: Page, chartLabel: string | RegExp): Promise<number> {
  const chart = page.getByRole("img", { name: chartLabel }).first();
  await expect(chart.locator("canvas").first()).toBeVisible();
  await page.waitForTimeout(600); // let the first animation frame land
  return chart.locator("canvas").first().evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext("2d");
    if (!context) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
    return painted;
  });
}

/** Full-page screenshot once charts have finished drawing. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}
