import type { APIRequestContext, APIResponse, PlaywrightWorkerArgs } from "@playwright/test";
import ExcelJS from "exceljs";
import { authStateFile } from "../auth-state";
import type { Expectation, Sample, Who } from "./routes";

/** No cookies at all: a signed-out browser or client. */
export const SIGNED_OUT = { cookies: [], origins: [] };

/** A request context holding one account's session (or none), on the configured base URL. */
export function requestAs(playwright: PlaywrightWorkerArgs["playwright"], who: Who): Promise<APIRequestContext> {
  return playwright.request.newContext({ storageState: who === "anon" ? SIGNED_OUT : authStateFile(who) });
}

export const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/** Asks a sample's URL as its kind of client would, without following redirects. */
export function ask(context: APIRequestContext, sample: Sample): Promise<APIResponse> {
  const headers = { ...(sample.as === "page" ? { Accept: BROWSER_ACCEPT } : {}), ...sample.headers };
  return context.fetch(sample.url, { method: sample.method ?? "GET", headers, form: sample.form, maxRedirects: 0, failOnStatusCode: false });
}

/** The path and query a redirect leads to (the Location header may be absolute). */
export function redirectTarget(response: APIResponse): string | null {
  const location = response.headers().location;
  if (!location) return null;
  const url = new URL(location, "http://placeholder.invalid");
  return url.pathname + url.search;
}

/** What went wrong with one answer, or null when it is as expected. */
export function mismatch(response: APIResponse, expected: Expectation): string | null {
  const got = response.status();
  if (got !== expected.status) return `应为 ${expected.status}，实为 ${got}${got >= 300 && got < 400 ? ` → ${redirectTarget(response)}` : ""}`;
  if (expected.location !== undefined && redirectTarget(response) !== expected.location) return `应转到 ${expected.location}，实转到 ${redirectTarget(response)}`;
  return null;
}

const CJK = /[\u4e00-\u9fff]/;

/**
 * How a refusal must read: a page's 403 is the 无权访问 page; a route handler's 401/403/404/400 is
 * plain Chinese text (the API's JSON carries it as "error"); a signed-out answer carries nothing but the way to the sign-in page.
 */
export async function refusalProblem(response: APIResponse, sample: Sample, who: Who): Promise<string | null> {
  const status = response.status();
  const type = response.headers()["content-type"] ?? "";
  const body = await response.text();
  // Next.js writes the redirect's target as its body; anything more would be a leak.
  if (who === "anon" && status === 303 && body.length > 0 && body !== response.headers().location && body !== redirectTarget(response)) {
    return `未登录的跳转除目标地址外不应带内容：“${body.slice(0, 80)}”`;
  }
  if (status === 401 && !(type.startsWith("text/plain") && body.includes("登录"))) return `401 应为中文纯文本“请先登录…”，实为 ${type || "无类型"}：${body.slice(0, 80)}`;
  if (status === 403 && sample.as === "page" && !body.includes("无权访问")) return "403 页面应显示“无权访问”";
  // The API answers machines in JSON, its reason in Chinese under "error"; other handlers in plain text.
  const apiReason = sample.url.startsWith("/api/") && type.startsWith("application/json") ? String((JSON.parse(body) as { error?: unknown }).error ?? "") : null;
  if ((status === 403 || status === 400 || status === 404) && sample.as === "handler" && !(apiReason !== null ? CJK.test(apiReason) : type.startsWith("text/plain") && CJK.test(body))) {
    return `${status} 应为中文说明（纯文本，接口为 JSON 的 error），实为 ${type || "无类型"}：“${body.slice(0, 80)}”`;
  }
  return null;
}

/** The first sheet of an xlsx download as objects keyed by the header row (the row holding `header`). */
export async function readSheet(buffer: Buffer, header: string): Promise<Record<string, string>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("下载的工作簿没有工作表");
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values = row.values as unknown[];
    rows.push(values.slice(1).map((v) => (v === null || v === undefined ? "" : typeof v === "object" && "text" in (v as object) ? String((v as { text: unknown }).text) : String(v))));
  });
  const headerIndex = rows.findIndex((r) => r.includes(header));
  if (headerIndex < 0) throw new Error(`工作表中没有“${header}”列`);
  const names = rows[headerIndex]!;
  return rows.slice(headerIndex + 1).map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? ""])));
}
