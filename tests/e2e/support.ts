import { test as base, expect, type Page } from "@playwright/test";

/** Every journey fails on a console error or an uncaught page error, as a user would see a broken page. */
export const test = base.extend({
  page: async ({ page }, use) => {
    const done = watchPage(page);
    await use(page);
    done();
  },
});

const FAILED_LOAD = /^Failed to load resource: the server responded with a status of (\d+)/;

/**
 * Collects a page's console errors and uncaught errors; call the result at the end to fail on any.
 * Two kinds of "Failed to load resource" are not the page's fault and are let through:
 * - a status in `allowedStatuses` (a test that asks for a refused document allows 403);
 * - a failed router prefetch: Next 16's segment prefetch sometimes asks for a segment at the wrong
 *   URL under load (vercel/next.js#97244). Nothing is shown from it; a click fetches the page anew.
 * The failed requests are listed in the message, so a failure says what was asked for.
 */
export function watchPage(page: Page, allowedStatuses: number[] = []): () => void {
  const problems: { text: string; url: string }[] = [];
  const failed: string[] = [];
  // Router prefetches, known by their request: a refused page's prefetch can log its 404 before (or without) its
  // response reaching "response".
  const prefetches = new Set<string>();
  page.on("request", (request) => {
    const headers = request.headers();
    if (headers["next-router-prefetch"] || headers["next-router-segment-prefetch"]) prefetches.add(request.url());
  });
  page.on("response", (response) => {
    if (response.status() < 400) return;
    const headers = response.request().headers();
    failed.push(`${response.status()} ${response.request().method()} ${response.url()} ${JSON.stringify(headers)}`);
  });
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const status = FAILED_LOAD.exec(msg.text())?.[1];
    if (status && allowedStatuses.includes(Number(status))) return;
    problems.push({ text: status ? `${msg.text()} (${msg.location().url})` : msg.text(), url: status ? msg.location().url : "" });
  });
  page.on("pageerror", (error) => problems.push({ text: error.message, url: "" }));
  return () => {
    const real = problems.filter((p) => !(p.url && prefetches.has(p.url))).map((p) => p.text);
    expect(real, `页面控制台错误；失败的请求：\n${failed.join("\n")}`).toEqual([]);
  };
}

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
