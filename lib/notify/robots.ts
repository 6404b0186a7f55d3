import { createHmac } from "node:crypto";

/**
 * Group-chat robots the office can post to: 企业微信 group robot and 钉钉 custom robot (webhooks).
 *
 * Formats (official docs, checked 2026-11):
 * - 企业微信: POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY
 *   `{"msgtype":"markdown","markdown":{"content":"…"}}`, content ≤ 4096 bytes UTF-8; at most 20 messages/minute
 *   per robot. Answer `{"errcode":0,"errmsg":"ok"}`; 45009 = rate limit, -1 = system busy.
 * - 钉钉: POST https://oapi.dingtalk.com/robot/send?access_token=TOKEN[&timestamp=MS&sign=SIGN]
 *   `{"msgtype":"markdown","markdown":{"title":"…","text":"…"}}`. 加签: sign = urlEncode(base64(HmacSHA256(key = secret,
 *   message = `${timestamp}\n${secret}`))), timestamp in ms within 1 hour of DingTalk's clock. At most 20 messages/minute.
 *   Answer `{"errcode":0,"errmsg":"ok"}`; 130101 = sending too fast, 310000 = bad signature / keyword / IP, -1 = busy.
 */

export type RobotKind = "wecom" | "dingtalk";
export interface Robot {
  kind: RobotKind;
  url: string;
  secret?: string | null;
}
export interface RobotMessage {
  title: string;
  lines: string[];
  link?: { text: string; url: string };
}
export interface Attempt {
  /** 1-based attempt number. */
  n: number;
  /** ISO time the attempt started. */
  at: string;
  /** HTTP status, or null when no answer came (network error, timeout). */
  status: number | null;
  /** Response text truncated to 500 chars, or the network error / timeout message. */
  answer: string;
  ok: boolean;
}

export const ROBOT_KINDS: readonly RobotKind[] = ["wecom", "dingtalk"];
export const ROBOT_KIND_LABELS: Record<RobotKind, string> = { wecom: "企业微信", dingtalk: "钉钉" };

const WECOM = { host: "qyapi.weixin.qq.com", path: "/cgi-bin/webhook/send", param: "key" } as const;
const DINGTALK = { host: "oapi.dingtalk.com", path: "/robot/send", param: "access_token" } as const;

export const MAX_ROBOT_URL_LENGTH = 500;
/** 企业微信 markdown.content is at most 4096 bytes; the same budget is used for 钉钉 markdown.text. */
export const MAX_CONTENT_BYTES = 4096;
export const MAX_TITLE_CHARS = 64;
export const MAX_LINE_CHARS = 200;
const MAX_LINK_TEXT_CHARS = 40;
const MAX_LINK_URL_LENGTH = 1000;
const MAX_ANSWER_CHARS = 500;
/** Bytes of a robot's answer read at most (the rest is discarded). */
const MAX_ANSWER_BYTES = 64 * 1024;

// ---------------------------------------------------------------------------------------------------------------
// URL / secret checks

/** Chinese reason when a webhook URL/secret is not one the office can use, else null. */
export function robotUrlProblem(robot: Robot): string | null {
  const kind = robot?.kind;
  if (kind !== "wecom" && kind !== "dingtalk") return "机器人类型只能是企业微信或钉钉";
  const spec = kind === "wecom" ? WECOM : DINGTALK;
  const label = ROBOT_KIND_LABELS[kind];
  const raw = robot.url;
  if (typeof raw !== "string" || raw.trim() === "") return "请填写机器人的 Webhook 地址";
  if (raw.length > MAX_ROBOT_URL_LENGTH) return `Webhook 地址过长（不能超过 ${MAX_ROBOT_URL_LENGTH} 个字符）`;
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(raw)) return "Webhook 地址中不能有空格、换行或控制字符";
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return "Webhook 地址格式不正确";
  }
  if (u.protocol !== "https:") return "Webhook 地址必须以 https:// 开头";
  if (u.username !== "" || u.password !== "" || /^https:\/\/[^/?#]*@/i.test(raw)) return "Webhook 地址中不能包含用户名或密码";
  if (raw.includes("#")) return "Webhook 地址中不能包含 # 片段";
  if (u.hostname !== spec.host || u.port !== "") return `${label}机器人的地址必须是 https://${spec.host}${spec.path}?${spec.param}=…`;
  if (u.pathname !== spec.path) return `${label}机器人的地址路径应为 ${spec.path}`;
  const names = [...u.searchParams.keys()];
  const value = u.searchParams.get(spec.param);
  if (value === null || value === "") return `Webhook 地址缺少 ${spec.param} 参数`;
  if (names.length !== 1) {
    if (kind === "dingtalk" && (u.searchParams.has("timestamp") || u.searchParams.has("sign")))
      return "Webhook 地址中不要带 timestamp 和 sign（发送时按密钥自动计算）";
    return `Webhook 地址只能带 ${spec.param} 一个参数`;
  }
  if (!/^[A-Za-z0-9._~-]+$/.test(value)) return `Webhook 地址中的 ${spec.param} 含有不应出现的字符`;

  const secret = robot.secret;
  if (secret !== undefined && secret !== null && secret !== "") {
    if (typeof secret !== "string") return "加签密钥格式不正确";
    if (kind === "wecom") return "企业微信群机器人不使用加签密钥，请留空";
    if (!secret.startsWith("SEC")) return "钉钉加签密钥应以 SEC 开头（机器人安全设置“加签”一栏）";
    if (secret.length < 20 || secret.length > 200) return "钉钉加签密钥长度应在 20 到 200 个字符之间";
    if (!/^[\x21-\x7e]+$/.test(secret)) return "钉钉加签密钥只能包含英文字母、数字和符号，不能有空格或中文";
  }
  return null;
}

/** The webhook URL with its key / access_token (and any sign) masked, for logs and screens. */
export function redactRobotUrl(url: string): string {
  return String(url).replace(/([?&](?:key|access_token|sign)=)([^&#]*)/gi, (_m, p: string, v: string) =>
    v.length <= 4 ? `${p}***` : `${p}${v.slice(0, 4)}***`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Signing and payloads

/** 钉钉 加签: base64(HMAC-SHA256(key = secret, message = `${timestamp}\n${secret}`)), not yet URL-encoded. */
export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(Buffer.from(`${timestamp}\n${secret}`, "utf8"))
    .digest("base64");
}

// Characters stripped from user text: C0/C1 controls, DEL, zero-width and bidi controls, BOM, interlinear marks.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Markdown / HTML control characters → full-width look-alikes (read naturally in Chinese text, render as text). */
const MARKDOWN_LOOKALIKE: Record<string, string> = {
  "\\": "＼",
  "`": "｀",
  "*": "＊",
  _: "＿",
  "~": "～",
  "[": "［",
  "]": "］",
  "<": "＜",
  ">": "＞",
  "#": "＃",
  "|": "｜",
};
const MARKDOWN_CONTROL = /[\\`*_~[\]<>#|]/g;
const LEADING_MARKER: Record<string, string> = { "-": "－", "+": "＋", "=": "＝" };

function truncateChars(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
}

/**
 * User text made safe for one markdown line: invisible and control characters removed, line breaks and tabs turned
 * into spaces, markdown/HTML control characters (links, emphasis, headings, quotes, `<font>`, `<@userid>` mentions)
 * replaced by full-width look-alikes, a leading list/rule marker neutralised, and the line cut to `max` characters.
 */
export function plainMarkdownText(text: unknown, max: number = MAX_LINE_CHARS): string {
  let s = typeof text === "string" ? text : text === null || text === undefined ? "" : String(text);
  s = s.replace(LONE_SURROGATE, "").replace(/[\t\n\r\u2028\u2029\u0085]/g, " ").replace(INVISIBLE, "");
  s = s.replace(/\s+/g, " ").trim();
  s = s.replace(MARKDOWN_CONTROL, (c) => MARKDOWN_LOOKALIKE[c] ?? c);
  s = s.replace(/^[-+=]/, (c) => LEADING_MARKER[c] ?? c);
  return truncateChars(s, max);
}

/** An absolute http(s) URL safe inside `[text](url)`, or null. */
function linkTarget(url: unknown): string | null {
  if (typeof url !== "string" || url.length > MAX_LINK_URL_LENGTH) return null;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if ((u.protocol !== "https:" && u.protocol !== "http:") || u.username !== "" || u.password !== "") return null;
  return u.href.replace(/[()[\]<> "'`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

const utf8Bytes = (s: string) => Buffer.byteLength(s, "utf8");

/** The markdown text: heading, as many lines as fit the byte budget (with a note of how many were left out), link. */
function renderMarkdown(kind: RobotKind, message: RobotMessage): { title: string; text: string } {
  const title = plainMarkdownText(message?.title, MAX_TITLE_CHARS) || "信用监测通知";
  const sep = kind === "dingtalk" ? "\n\n" : "\n"; // 钉钉 needs a blank line for a visible line break
  const lines = (Array.isArray(message?.lines) ? message.lines : [])
    .map((l) => plainMarkdownText(l))
    .filter((l) => l !== "");
  const target = message?.link ? linkTarget(message.link.url) : null;
  const linkText = message?.link ? plainMarkdownText(message.link.text, MAX_LINK_TEXT_CHARS) || "查看详情" : "";
  const tail = message?.link ? (target ? `[${linkText}](${target})` : linkText) : "";

  const head = `### ${title}`;
  const fixed = utf8Bytes(head) + (tail ? utf8Bytes(sep) + utf8Bytes(tail) : 0);
  const kept: string[] = [];
  let used = fixed;
  const noteBudget = 80; // room for "……另有 N 行未列出"
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const cost = utf8Bytes(sep) + utf8Bytes(line);
    const reserve = i < lines.length - 1 ? noteBudget : 0;
    if (used + cost + reserve > MAX_CONTENT_BYTES) break;
    kept.push(line);
    used += cost;
  }
  const parts = [head, ...kept];
  if (kept.length < lines.length) parts.push(`……另有 ${lines.length - kept.length} 行未列出`);
  if (tail) parts.push(tail);
  return { title, text: parts.join(sep) };
}

/**
 * The HTTP request to send: the URL (钉钉: with timestamp and sign when a secret is set) and the JSON body in the
 * robot's markdown format. `now` (ms since epoch) is the signing time; defaults to Date.now().
 */
export function robotRequest(robot: Robot, message: RobotMessage, now: number = Date.now()): { url: string; body: unknown } {
  const { title, text } = renderMarkdown(robot.kind, message);
  if (robot.kind === "wecom") {
    return { url: robot.url, body: { msgtype: "markdown", markdown: { content: text } } };
  }
  if (robot.kind === "dingtalk") {
    let url = robot.url;
    if (typeof robot.secret === "string" && robot.secret !== "") {
      const timestamp = Math.trunc(now);
      const sign = encodeURIComponent(dingtalkSign(robot.secret, timestamp));
      url += `${url.includes("?") ? "&" : "?"}timestamp=${timestamp}&sign=${sign}`;
    }
    return { url, body: { msgtype: "markdown", markdown: { title, text } } };
  }
  throw new TypeError(`unknown robot kind: ${String((robot as { kind?: unknown }).kind)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Answers

function parseBody(body: unknown): unknown {
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function errcodeOf(body: unknown): number | null {
  const b = parseBody(body);
  if (b === null || typeof b !== "object") return null;
  const code = (b as { errcode?: unknown }).errcode;
  if (typeof code === "number" && Number.isFinite(code)) return code;
  if (typeof code === "string" && /^-?\d+$/.test(code.trim())) return Number(code);
  return null;
}

/** Whether the robot's answer means the message was accepted (HTTP 200 and errcode 0). Body: parsed JSON or its text. */
export function robotAccepted(status: number, body: unknown): boolean {
  return status === 200 && errcodeOf(body) === 0;
}

/** Robot errcodes worth retrying: rate limits and "system busy". */
export const TRANSIENT_ERRCODES: Record<RobotKind, readonly number[]> = {
  wecom: [45009, -1],
  dingtalk: [130101, -1],
};

/** Whether an answer (not accepted) is worth another attempt: HTTP 429/5xx or a transient robot errcode. */
export function robotRetryable(kind: RobotKind, status: number, body: unknown): boolean {
  if (status === 429 || status >= 500) return true;
  if (status !== 200) return false;
  const code = errcodeOf(body);
  return code !== null && (TRANSIENT_ERRCODES[kind] ?? []).includes(code);
}

// ---------------------------------------------------------------------------------------------------------------
// Sending

export interface SendOptions {
  /** Attempts in all, 1–10 (default 4). */
  attempts?: number;
  /** First backoff delay; doubles each retry, plus up to 25 % jitter, capped at 60 s (default 1000). */
  baseDelayMs?: number;
  /** Per-attempt timeout covering connect, answer and body (default 5000, at most 60000). */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  onAttempt?: (a: Attempt) => void | Promise<void>;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_ATTEMPTS = 4;
export const DEFAULT_BASE_DELAY_MS = 1000;
export const DEFAULT_TIMEOUT_MS = 5000;
const MAX_ATTEMPTS = 10;
const MAX_DELAY_MS = 60_000;

function clampInt(v: unknown, fallback: number, min: number, max: number): number {
  if (typeof v !== "number" || !Number.isFinite(v)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(v)));
}

/** Delay before attempt n+1 after attempt n failed (n ≥ 1): base·2^(n−1)·(1 + jitter), jitter in [0, 0.25). */
export function backoffDelay(n: number, baseDelayMs: number, random: () => number = Math.random): number {
  const plain = baseDelayMs * 2 ** Math.max(0, n - 1);
  const r = Math.min(Math.max(random(), 0), 0.999999);
  return Math.min(MAX_DELAY_MS, Math.round(plain * (1 + 0.25 * r)));
}

/** Retry-After (seconds or HTTP date) in ms, capped at 60 s, or 0. */
function retryAfterMs(header: string | null, now: number): number {
  if (!header) return 0;
  const h = header.trim();
  let ms = /^\d+$/.test(h) ? Number(h) * 1000 : Date.parse(h) - now;
  if (!Number.isFinite(ms) || ms < 0) ms = 0;
  return Math.min(ms, MAX_DELAY_MS);
}

async function readBounded(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total >= MAX_ANSWER_BYTES) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES));
}

function errorMessage(err: unknown): string {
  if (!(err instanceof Error)) return `网络错误：${String(err)}`;
  const cause = (err as { cause?: unknown }).cause;
  let detail = "";
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    detail = [typeof code === "string" ? code : "", cause.message].filter(Boolean).join(" ");
  }
  return `网络错误：${err.message}${detail && !err.message.includes(detail) ? `（${detail}）` : ""}`;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends with retries and exponential backoff (plus jitter); never throws; each attempt is reported through onAttempt
 * (awaited; its errors are ignored). Retries on network errors, timeouts, HTTP 429/5xx and transient robot errcodes
 * (wecom 45009, dingtalk 130101, -1); does not retry other answers (bad key, bad signature, keyword, 3xx/4xx).
 * Works against any http(s) URL (the host check is robotUrlProblem's job). Redirects are not followed. A 钉钉
 * signature is computed afresh for every attempt.
 */
export async function sendToRobot(
  robot: Robot,
  message: RobotMessage,
  options: SendOptions = {},
): Promise<{ ok: boolean; attempts: Attempt[] }> {
  const maxAttempts = clampInt(options.attempts, DEFAULT_ATTEMPTS, 1, MAX_ATTEMPTS);
  const baseDelayMs = clampInt(options.baseDelayMs, DEFAULT_BASE_DELAY_MS, 0, MAX_DELAY_MS);
  const timeoutMs = clampInt(options.timeoutMs, DEFAULT_TIMEOUT_MS, 1, MAX_DELAY_MS);
  const fetchImpl = options.fetchImpl ?? fetch;
  const sleep = options.sleep ?? defaultSleep;
  const attempts: Attempt[] = [];

  const report = async (a: Attempt) => {
    attempts.push(a);
    try {
      await options.onAttempt?.(a);
    } catch {
      // A failing reporter must not stop or break the sending.
    }
  };

  for (let n = 1; n <= maxAttempts; n++) {
    const started = Date.now();
    const at = new Date(started).toISOString();

    let request: { url: string; body: unknown };
    try {
      request = robotRequest(robot, message, started);
      const u = new URL(request.url);
      if (u.protocol !== "https:" && u.protocol !== "http:") throw new TypeError("not an http(s) URL");
    } catch (err) {
      await report({ n, at, status: null, answer: `无法发送：${err instanceof Error ? err.message : String(err)}`, ok: false });
      return { ok: false, attempts };
    }

    let status: number | null = null;
    let answer: string;
    let ok = false;
    let retry: boolean;
    let waitAtLeast = 0;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const res = await fetchImpl(request.url, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8", accept: "application/json" },
        body: JSON.stringify(request.body),
        redirect: "manual",
        signal: controller.signal,
      });
      status = res.status;
      const text = await readBounded(res);
      answer = text.length > MAX_ANSWER_CHARS ? text.slice(0, MAX_ANSWER_CHARS) : text;
      ok = robotAccepted(res.status, text);
      retry = !ok && robotRetryable(robot.kind, res.status, text);
      if (retry && res.status === 429) waitAtLeast = retryAfterMs(res.headers.get("retry-after"), Date.now());
    } catch (err) {
      answer = timedOut ? `超时：${timeoutMs} ms 内没有应答` : errorMessage(err);
      answer = answer.slice(0, MAX_ANSWER_CHARS);
      retry = true;
    } finally {
      clearTimeout(timer);
    }

    await report({ n, at, status, answer, ok });
    if (ok) return { ok: true, attempts };
    if (!retry || n === maxAttempts) return { ok: false, attempts };
    try {
      await sleep(Math.max(backoffDelay(n, baseDelayMs), waitAtLeast));
    } catch {
      // A failing sleep only shortens the wait.
    }
  }
  return { ok: false, attempts };
}
