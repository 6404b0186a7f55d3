import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import next from "next";
import { openDb, dbConfigFromEnv } from "@/db/client";
import { SESSION_COOKIE } from "@/lib/auth/session-policy";
import { validateSession } from "@/lib/auth/sessions";
import { todayInChina } from "@/lib/dates";
import { withPageCache } from "@/lib/page-cache/http";
import { withRenderGate } from "@/lib/serving/render-gate";
import { readDataVersion } from "@/lib/write/store-version";
import { answerPlainText } from "@/lib/auth/security-headers";
import { malformedPath } from "@/lib/page-cache/policy";
import { loadWorkCalendar } from "@/lib/calendar/store";
import { sweepReminders } from "@/lib/supervision/notify";

// The production server: Next.js's own request handler behind the per-person cache of rendered pages
// (lib/page-cache). `npm start` runs it; flags as `next start`'s: -p PORT, -H HOST (or PORT, HOSTNAME).

function flag(names: string[]): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => names.includes(a));
  return i >= 0 ? args[i + 1] : undefined;
}

const port = Number(flag(["-p", "--port"]) ?? process.env.PORT ?? 3000);
const hostname = flag(["-H", "--hostname"]) ?? process.env.HOSTNAME ?? "0.0.0.0";
const cacheMb = Number(process.env.PAGE_CACHE_MB ?? 8);
const renderConcurrency = Number(process.env.RENDER_CONCURRENCY ?? 4);
if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
  console.error(`端口无效：${port}`);
  process.exit(2);
}
if (!Number.isInteger(renderConcurrency) || renderConcurrency < 1) {
  console.error(`RENDER_CONCURRENCY 应为正整数（同时渲染的请求数），现为 ${process.env.RENDER_CONCURRENCY}`);
  process.exit(2);
}
if (!Number.isFinite(cacheMb) || cacheMb < 0) {
  console.error(`PAGE_CACHE_MB 应为不小于 0 的数（兆字节），现为 ${process.env.PAGE_CACHE_MB}`);
  process.exit(2);
}

const app = next({ dev: false, hostname, port });
const db = openDb(dbConfigFromEnv());

function sessionToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join("="));
  }
  return null;
}

async function main() {
  await app.prepare();
  const handle = app.getRequestHandler();
  // Kept pages are answered before the gate: only renders wait for a place.
  const render = withRenderGate((req, res) => handle(req, res), { concurrency: renderConcurrency, maxWaiting: 2_000, holdLimitMs: 15_000 });
  const serve = withPageCache(render, {
    viewerOf: async (req) => {
      const token = sessionToken(req);
      return token ? validateSession(db, token, "") : null;
    },
    storeVersion: () => readDataVersion(db),
    today: () => todayInChina(),
    newNonce: () => btoa(randomUUID()),
    maxBytes: Math.floor(cacheMb * 1024 * 1024),
  });
  const server = createServer((req, res) => {
    // A path with a broken %-escape would fail inside Next.js with a bare 500: answer it here, in Chinese.
    if (malformedPath(req.url ?? "/")) {
      return answerPlainText(res, 400, "网址中有无法识别的编码（%后应为两位十六进制数），请检查网址");
    }
    serve(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("content-type", "text/plain; charset=utf-8");
      }
      res.end("服务器内部错误");
    });
  });
  // 督办 reminders no one triggers: three working days before a deadline, and once overdue (each sent once).
  const sweepMinutes = Number(process.env.REMINDER_SWEEP_MINUTES ?? 30);
  if (sweepMinutes > 0) {
    const sweep = () => loadWorkCalendar(db).then((calendar) => sweepReminders(db, calendar, todayInChina()))
      .catch((error) => console.error("督办提醒失败：", error));
    setTimeout(sweep, 60_000).unref();
    setInterval(sweep, sweepMinutes * 60_000).unref();
  }
  server.listen(port, hostname, () => {
    console.log(`信用监测 ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port} (page cache ${cacheMb} MB, ${renderConcurrency} renders at once)`);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.close(() => process.exit(0)));
  }
}

main().catch((error) => {
  console.error("服务器未能启动：", error);
  process.exit(1);
});
