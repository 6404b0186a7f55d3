import type { APIRequestContext, APIResponse, Browser, Page } from "@playwright/test";
import { authStateFile } from "../auth-state";

/** A server action's POST as the office's browser sent it: enough to send the same call as someone else. */
export interface CapturedAction {
  url: string;
  actionId: string;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Opens `path` as `user`, lets `submit` work the page's forms, and takes a server action's POST off
 * the wire without letting it reach the server: the store is not changed by the capture. The first
 * `letThrough` action calls go to the server as usual (a read before the write to be captured).
 */
export async function captureAction(browser: Browser, user: string, path: string, submit: (page: Page) => Promise<void>, letThrough = 0): Promise<CapturedAction> {
  const context = await browser.newContext({ storageState: authStateFile(user) });
  const page = await context.newPage();
  let captured: CapturedAction | null = null;
  let passed = 0;
  await page.route((url) => url.pathname === new URL(path, "http://x").pathname, async (route) => {
    const request = route.request();
    const actionId = request.headers()["next-action"];
    if (request.method() !== "POST" || !actionId || captured) return route.continue();
    if (passed < letThrough) {
      passed++;
      return route.continue();
    }
    captured = { url: request.url(), actionId, headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
    await route.abort();
  });
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(path);
  await submit(page);
  for (let i = 0; i < 100 && !captured; i++) await page.waitForTimeout(100);
  await context.close();
  if (!captured) throw new Error(`未捕获到 ${path} 上的服务器操作请求`);
  return captured;
}

/** Sends a captured action call again from another request context (another account's cookies). */
export function replay(context: APIRequestContext, action: CapturedAction, body: Buffer = action.body): Promise<APIResponse> {
  const headers: Record<string, string> = {
    "Next-Action": action.actionId,
    Accept: "text/x-component",
    "Content-Type": action.headers["content-type"] ?? "text/plain;charset=UTF-8",
  };
  for (const name of ["next-router-state-tree", "origin"]) if (action.headers[name]) headers[name] = action.headers[name]!;
  return context.post(new URL(action.url).pathname, { headers, data: body, maxRedirects: 0, failOnStatusCode: false });
}

/** Replaces one multipart field's value in a captured body (React prefixes form fields with `_1_` and the like). */
export function withField(action: CapturedAction, field: string, value: string): Buffer {
  const text = action.body.toString("utf8");
  const escaped = field.replace(/[$.*+?^()[\]{}|\\]/g, "\\$&");
  const pattern = new RegExp(`(Content-Disposition: form-data; name="(?:_\\d+_)?${escaped}"\\r\\n\\r\\n)[^\\r]*`);
  if (!pattern.test(text)) throw new Error(`请求中没有字段 ${field}`);
  return Buffer.from(text.replace(pattern, (_, head: string) => `${head}${value}`), "utf8");
}

/** The value a captured form sent for a field. */
export function fieldOf(action: CapturedAction, field: string): string | null {
  const escaped = field.replace(/[$.*+?^()[\]{}|\\]/g, "\\$&");
  const match = action.body.toString("utf8").match(new RegExp(`Content-Disposition: form-data; name="(?:_\\d+_)?${escaped}"\\r\\n\\r\\n([^\\r]*)`));
  return match?.[1] ?? null;
}
