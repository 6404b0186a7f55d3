import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { DemoIds, PlantedTasks } from "./store";

/**
 * Every route of the app, found in app/ when the tests run, and the table of what each role must get
 * from it. A route file added without an entry here fails the matrix: nothing is left out silently.
 */

export const WHO = ["anon", "leader", "office", "samr", "chengguan"] as const;
export type Who = (typeof WHO)[number];
export const SIGNED_IN = ["leader", "office", "samr", "chengguan"] as const;

export type RouteKind = "page" | "handler" | "metadata";

export interface DiscoveredRoute {
  /** The URL pattern, e.g. /departments/[id]. */
  pattern: string;
  kind: RouteKind;
  file: string;
}

// Files that make a URL in the App Router: pages, route handlers, and metadata files served as routes.
const PAGE = /^page\.(tsx|ts|jsx|js|mdx|md)$/;
const HANDLER = /^route\.(ts|js)$/;
const METADATA = /^(icon|apple-icon|opengraph-image|twitter-image)\d*\.(ico|jpg|jpeg|png|svg|gif|tsx|ts|js)$|^favicon\.ico$|^(robots|sitemap)\.(txt|xml|ts|js)$|^manifest\.(json|webmanifest|ts|js)$/;

/** Walks app/ for every page, route handler and metadata route. */
export function discoverRoutes(appDir = "app"): DiscoveredRoute[] {
  const found: DiscoveredRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      const kind: RouteKind | null = PAGE.test(entry.name) ? "page" : HANDLER.test(entry.name) ? "handler" : METADATA.test(entry.name) ? "metadata" : null;
      if (!kind) continue;
      const segments = relative(appDir, dir).split(sep).filter(Boolean);
      found.push({ pattern: patternOf(segments, kind === "metadata" ? metadataUrlName(entry.name) : null), kind, file: path });
    }
  };
  walk(appDir);
  return found.sort((a, b) => a.pattern.localeCompare(b.pattern) || a.kind.localeCompare(b.kind));
}

/** The URL a metadata file is served at: robots.ts → robots.txt, icon.tsx → icon, icon.svg → icon.svg. */
function metadataUrlName(file: string): string {
  const generated = file.match(/^(.+)\.(tsx|ts|js)$/)?.[1];
  if (!generated) return file;
  return generated === "robots" ? "robots.txt" : generated === "sitemap" ? "sitemap.xml" : generated === "manifest" ? "manifest.webmanifest" : generated;
}

/**
 * The URL pattern of a folder: route groups `(x)` and parallel slots `@x` add no segment. Private
 * folders `_x` are kept (as `_x`) so that a page put in one shows up as a route nobody can describe
 * and fails the table check, rather than vanishing from it.
 */
function patternOf(segments: string[], fileSegment: string | null): string {
  const parts = segments.filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  if (fileSegment) parts.push(fileSegment);
  return `/${parts.join("/")}`;
}

/** What one request must answer: a status, and for redirects where they lead (path and query). */
export interface Expectation {
  status: number;
  location?: string;
}

export interface Sample {
  /** What the sample stands for, in the test report. */
  label: string;
  url: string;
  method?: "GET" | "POST";
  /** page: asked as a browser asks for a document (Accept: text/html); handler: as a download or API client. */
  as: "page" | "handler";
  headers?: Record<string, string>;
  form?: Record<string, string>;
  expect: Record<Who, Expectation>;
}

const status = (s: number): Expectation => ({ status: s });
const OK = status(200);
const FORBIDDEN = status(403);
const NOT_FOUND = status(404);
const BAD_REQUEST = status(400);
/** The signed-out browser is sent to the sign-in page, which brings it back afterwards. */
export const toSignIn = (url: string): Expectation => ({ status: 303, location: url === "/" ? "/login" : `/login?next=${encodeURIComponent(url)}` });
/** A page that sends a signed-in viewer elsewhere (Next.js answers redirect() in a page with 307). */
const redirectTo = (location: string): Expectation => ({ status: 307, location });

type Roles = Record<(typeof SIGNED_IN)[number], Expectation>;
const all = (e: Expectation): Roles => ({ leader: e, office: e, samr: e, chengguan: e });

/** A page: the signed-out browser always goes to the sign-in page. */
function page(label: string, url: string, roles: Roles): Sample {
  return { label, url, as: "page", expect: { anon: toSignIn(url), ...roles } };
}

/** A route handler asked without a browser's Accept: the signed-out caller gets 401. */
function handler(label: string, url: string, roles: Roles, extra: Partial<Sample> = {}): Sample {
  return { label, url, as: "handler", ...extra, expect: { anon: status(401), ...roles, ...extra.expect } };
}

/** Only the office: settings and loading a plan. */
const officeOnly: Roles = { leader: FORBIDDEN, office: OK, samr: FORBIDDEN, chengguan: FORBIDDEN };

/** Samples for every route pattern, with the ids of this run's demo city and planted tasks. */
export function routeTable(ids: DemoIds, tasks: Pick<PlantedTasks, "own" | "other">): Record<string, Sample[]> {
  const ind = "sgs_timeliness_rate";
  const m = ids.latestMonth;
  return {
    "/": [page("总览", "/", all(OK))],
    "/login": [
      { label: "登录页", url: "/login", as: "page", expect: { anon: OK, ...all(redirectTo("/")) } },
      { label: "登录页带 next", url: "/login?next=%2Frankings", as: "page", expect: { anon: OK, ...all(redirectTo("/rankings")) } },
    ],
    "/account": [page("我的账号", "/account", all(OK))],
    "/rankings": [page("排名", "/rankings", all(OK))],
    "/rankings/export": [handler("排名下载", "/rankings/export", all(OK))],
    "/indicators": [page("指标", "/indicators", all(OK))],
    "/indicators/[code]": [
      page("指标明细（本人默认单位）", `/indicators/${ind}`, all(OK)),
      page("指标明细：全市", `/indicators/${ind}?unit=${ids.city.id}`, { ...all(OK), chengguan: FORBIDDEN }),
      page("指标明细：城关区的镇街", `/indicators/${ind}?unit=${ids.chengguanTown.id}`, all(OK)),
      page("指标明细：西山区", `/indicators/${ind}?unit=${ids.xishan.id}`, { ...all(OK), chengguan: FORBIDDEN }),
      page("指标明细：西山区的镇街", `/indicators/${ind}?unit=${ids.xishanTown.id}`, { ...all(OK), chengguan: FORBIDDEN }),
      page("不存在的指标", "/indicators/no_such_indicator", all(NOT_FOUND)),
    ],
    "/indicators/[code]/export": [
      handler("明细下载（本人默认单位）", `/indicators/${ind}/export`, all(OK)),
      handler("明细下载：全市", `/indicators/${ind}/export?unit=${ids.city.id}`, { ...all(OK), chengguan: FORBIDDEN }),
      handler("明细下载：西山区", `/indicators/${ind}/export?unit=${ids.xishan.id}`, { ...all(OK), chengguan: FORBIDDEN }),
      handler("明细下载：城关区的镇街", `/indicators/${ind}/export?unit=${ids.chengguanTown.id}`, all(OK)),
      handler("不存在的指标的下载", "/indicators/no_such_indicator/export", all(NOT_FOUND)),
    ],
    "/districts": [page("区县", "/districts", { ...all(OK), chengguan: redirectTo(`/districts/${ids.chengguan.code}`) })],
    "/districts/[code]": [
      page("城关区", `/districts/${ids.chengguan.code}`, all(OK)),
      page("城关区的镇街", `/districts/${ids.chengguanTown.code}`, all(OK)),
      page("西山区", `/districts/${ids.xishan.code}`, { ...all(OK), chengguan: FORBIDDEN }),
      page("西山区的镇街", `/districts/${ids.xishanTown.code}`, { ...all(OK), chengguan: FORBIDDEN }),
      page("不存在的区县", "/districts/999999", all(NOT_FOUND)),
    ],
    "/departments": [page("部门", "/departments", { leader: OK, office: OK, samr: redirectTo(`/departments/${ids.samr.id}`), chengguan: FORBIDDEN })],
    "/departments/[id]": [
      page("市市场监管局", `/departments/${ids.samr.id}`, { leader: OK, office: OK, samr: OK, chengguan: FORBIDDEN }),
      page("市税务局", `/departments/${ids.tax.id}`, { leader: OK, office: OK, samr: FORBIDDEN, chengguan: FORBIDDEN }),
      // Another department's page is refused before it is looked up: a 部门 cannot probe which ids exist.
      page("不存在的部门", "/departments/999999", { leader: NOT_FOUND, office: NOT_FOUND, samr: FORBIDDEN, chengguan: FORBIDDEN }),
      page("格式错误的部门编号", "/departments/abc", all(NOT_FOUND)),
    ],
    "/tasks": [page("任务", "/tasks", all(OK))],
    "/tasks/export": [handler("任务下载", "/tasks/export", all(OK))],
    "/tasks/[id]": [
      page("市市场监管局承担的任务", `/tasks/${tasks.own.id}`, { leader: OK, office: OK, samr: OK, chengguan: FORBIDDEN }),
      page("只由市税务局承担的任务", `/tasks/${tasks.other.id}`, { leader: OK, office: OK, samr: FORBIDDEN, chengguan: FORBIDDEN }),
      page("不存在的任务", "/tasks/999999", all(NOT_FOUND)),
    ],
    "/plans/new": [page("载入工作要点", "/plans/new", officeOnly)],
    "/circulars": [page("通报", "/circulars", all(OK))],
    "/circulars/[month]/print": [
      page("通报打印预览", `/circulars/${m}/print`, all(OK)),
      page("无数据月份的打印预览", "/circulars/2000-01/print", all(NOT_FOUND)),
      page("格式错误月份的打印预览", "/circulars/abc/print", all(NOT_FOUND)),
    ],
    "/circulars/[month]/docx": [
      handler("通报草稿 Word", `/circulars/${m}/docx`, all(OK)),
      handler("格式错误月份的 Word", "/circulars/abc/docx", all(BAD_REQUEST)),
      handler("无数据月份的 Word", "/circulars/2000-01/docx", all(NOT_FOUND)),
    ],
    "/circulars/[month]/xlsx": [
      handler("通报草稿 Excel", `/circulars/${m}/xlsx`, all(OK)),
      handler("格式错误月份的 Excel", "/circulars/abc/xlsx", all(BAD_REQUEST)),
    ],
    // 问题清单: the office and 领导 any department's and the zip; a 部门 only its own, refused another's before it is
    // looked up; a 区县 none.
    "/circulars/[month]/notices/[departmentId]": [
      handler("市市场监管局的问题清单", `/circulars/${m}/notices/${ids.samr.id}`, { leader: OK, office: OK, samr: OK, chengguan: FORBIDDEN }),
      handler("市税务局的问题清单", `/circulars/${m}/notices/${ids.tax.id}`, { leader: OK, office: OK, samr: FORBIDDEN, chengguan: FORBIDDEN }),
      handler("不存在部门的问题清单", `/circulars/${m}/notices/999999`, { leader: NOT_FOUND, office: NOT_FOUND, samr: FORBIDDEN, chengguan: FORBIDDEN }),
      handler("格式错误的部门编号的问题清单", `/circulars/${m}/notices/abc`, { ...all(NOT_FOUND), chengguan: FORBIDDEN }),
      handler("无数据月份的问题清单", `/circulars/2000-01/notices/${ids.samr.id}`, { ...all(NOT_FOUND), chengguan: FORBIDDEN }),
      handler("格式错误月份的问题清单", `/circulars/abc/notices/${ids.samr.id}`, { ...all(NOT_FOUND), chengguan: FORBIDDEN }),
    ],
    "/circulars/[month]/notices": [
      handler("各部门问题清单（zip）", `/circulars/${m}/notices`, { leader: OK, office: OK, samr: FORBIDDEN, chengguan: FORBIDDEN }),
      handler("无数据月份的各部门问题清单", "/circulars/2000-01/notices", { leader: NOT_FOUND, office: NOT_FOUND, samr: FORBIDDEN, chengguan: FORBIDDEN }),
      handler("格式错误月份的各部门问题清单", "/circulars/abc/notices", { leader: NOT_FOUND, office: NOT_FOUND, samr: FORBIDDEN, chengguan: FORBIDDEN }),
    ],
    // No circular is issued here (the circular journey expects to issue number 1), so only refusals.
    "/circulars/issued/[id]/[kind]": [
      handler("格式错误的通报编号", "/circulars/issued/abc/docx", all(BAD_REQUEST)),
      handler("不支持的文件类型", "/circulars/issued/1/pdf", all(BAD_REQUEST)),
      handler("不存在的已印发通报", "/circulars/issued/999999/xlsx", all(NOT_FOUND)),
    ],
    "/settings": [page("设置", "/settings", officeOnly)],
    "/settings/users": [page("账号管理", "/settings/users", officeOnly)],
    "/settings/tokens": [page("接口令牌", "/settings/tokens", officeOnly)],
    "/settings/audit": [page("操作日志", "/settings/audit", officeOnly)],
    "/settings/audit/export": [handler("操作日志下载", "/settings/audit/export", officeOnly)],
    "/auth/sign-in": [
      // An empty form is refused before any password is checked (and counts as no failed attempt).
      { label: "空的登录表单", url: "/auth/sign-in", as: "handler", method: "POST", form: {}, expect: { anon: status(422), ...all(status(422)) } },
      { label: "GET 登录处理", url: "/auth/sign-in", as: "handler", expect: { anon: status(405), ...all(status(405)) } },
    ],
    // A real sign-out would end the shared sessions; a cross-site one is refused before it acts.
    "/auth/sign-out": [
      handler("跨站提交的退出", "/auth/sign-out", all(FORBIDDEN), { method: "POST", form: {}, headers: { Origin: "http://evil.example" } }),
    ],
    "/api/v1/me": [
      // The signed-in browser's own session also answers; a department's system uses its token.
      handler("接口：当前身份", "/api/v1/me", all(OK)),
      handler("接口：未知令牌", "/api/v1/me", all(status(401)), { headers: { Authorization: "Bearer xyjc_not-a-real-token" } }),
    ],
    // 数据: the office, departments and leaders (who only read the history); a district imports nothing.
    "/data": [page("数据", "/data", { leader: OK, office: OK, samr: OK, chengguan: FORBIDDEN })],
    "/data/formats": [page("数据格式说明", "/data/formats", all(OK))],
    "/data/batches/[id]": [
      page("不存在的导入批次", "/data/batches/999999", all(NOT_FOUND)),
      page("格式错误的批次编号", "/data/batches/abc", all(NOT_FOUND)),
    ],
    "/data/batches/[id]/rejected": [
      handler("不存在批次的拒收行", "/data/batches/999999/rejected", all(NOT_FOUND)),
      handler("格式错误批次的拒收行", "/data/batches/abc/rejected", all(BAD_REQUEST)),
    ],
    "/data/templates/[dataset]": [
      handler("行政处罚导入模板", "/data/templates/sgs-penalty?format=xlsx", all(OK)),
      handler("行政许可 CSV 模板", "/data/templates/sgs-license?format=csv", all(OK)),
      handler("未知数据集的模板", "/data/templates/nothing", all(NOT_FOUND)),
    ],
    // An empty upload is refused before anything is read; 领导 and 区县 may not import at all.
    "/api/v1/imports/[dataset]": [
      handler("接口：空的导入", "/api/v1/imports/sgs-penalty", { leader: FORBIDDEN, office: BAD_REQUEST, samr: BAD_REQUEST, chengguan: FORBIDDEN }, { method: "POST", form: {} }),
    ],
    "/supervision": [page("督办", "/supervision", all(OK))],
    "/inbox": [page("消息", "/inbox", all(OK))],
    "/settings/robots": [page("工作群机器人", "/settings/robots", officeOnly)],
    "/settings/supervision": [page("督办设置", "/settings/supervision", officeOnly)],
    "/settings/national-rank": [page("全国排名", "/settings/national-rank", officeOnly)],
    "/settings/catalogue": [page("指标目录", "/settings/catalogue", officeOnly)],
    // Only entered indicators have values to enter: a computed one is 404 to the office, refused to everyone else.
    "/settings/catalogue/[code]": [page("计算指标没有填报页", "/settings/catalogue/tax_a_share", { ...officeOnly, office: NOT_FOUND })],
    "/settings/calendar": [page("节假日安排", "/settings/calendar", officeOnly)],
    "/settings/map": [page("地图", "/settings/map", officeOnly)],
    "/settings/departments": [page("部门名单", "/settings/departments", officeOnly)],
    "/settings/units": [page("区县和镇街", "/settings/units", officeOnly)],
    "/supervision/export": [handler("督办事项下载", "/supervision/export?status=open", all(OK))],
    "/supervision/new": [
      page("开具督办", `/supervision/new?indicator=uscc_error_rate&unit=${ids.chengguan.id}&month=${m}`, officeOnly),
      page("开具督办（缺参数）", "/supervision/new", { leader: FORBIDDEN, office: NOT_FOUND, samr: FORBIDDEN, chengguan: FORBIDDEN }),
    ],
    "/supervision/[id]/attachments/[attachmentId]": [
      handler("不存在事项的附件", "/supervision/999999/attachments/1", all(NOT_FOUND)),
      handler("格式错误的附件编号", "/supervision/1/attachments/abc", all(BAD_REQUEST)),
    ],
    "/supervision/[id]/records": [
      handler("不存在事项的所附记录", "/supervision/999999/records", all(NOT_FOUND)),
      handler("格式错误事项的所附记录", "/supervision/abc/records", all(BAD_REQUEST)),
    ],
    "/supervision/[id]": [
      page("不存在的督办事项", "/supervision/999999", all(NOT_FOUND)),
      page("格式错误的督办编号", "/supervision/abc", all(NOT_FOUND)),
    ],
    "/icon.svg": [{ label: "网站图标", url: "/icon.svg", as: "handler", expect: { anon: OK, ...all(OK) } }],
    // Asked for by browsers on their own, whatever the page declares: answered, so no console shows a 404.
    "/favicon.ico": [{ label: "网站图标（ico）", url: "/favicon.ico", as: "handler", expect: { anon: OK, ...all(OK) } }],
  };
}

/** Samples for URLs that are no route at all. */
export function strayUrls(): Sample[] {
  return [page("不存在的页面", "/no-such-page", all(NOT_FOUND))];
}

/** Discovered patterns the table does not describe, and table entries no route answers any more. */
export function tableGaps(discovered: DiscoveredRoute[], table: Record<string, Sample[]>): { undescribed: string[]; stale: string[] } {
  const patterns = new Set(discovered.map((r) => r.pattern));
  return {
    undescribed: [...patterns].filter((p) => !(p in table) || table[p]!.length === 0),
    stale: Object.keys(table).filter((p) => !patterns.has(p)),
  };
}
