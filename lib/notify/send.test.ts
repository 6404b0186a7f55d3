import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { robotRequest, sendToRobot, type Attempt, type Robot, type RobotMessage } from "./index";

// A real HTTP receiver on 127.0.0.1 that records what arrives and answers per a script.

interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}
type Step =
  | { status?: number; json?: unknown; text?: string; headers?: Record<string, string> }
  | "destroy" // close the socket without answering
  | "hang"; // never answer
type Script = Step[] | ((req: Recorded, index: number) => Step);

interface Receiver {
  base: string;
  requests: Recorded[];
  close(): Promise<void>;
}

const open: Server[] = [];

async function startReceiver(script: Script): Promise<Receiver> {
  const requests: Recorded[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rec: Recorded = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(rec);
      const i = requests.length - 1;
      const step = typeof script === "function" ? script(rec, i) : (script[Math.min(i, script.length - 1)] ?? "destroy");
      if (step === "destroy") {
        req.socket.destroy();
        return;
      }
      if (step === "hang") return;
      const text = step.text ?? JSON.stringify(step.json ?? { errcode: 0, errmsg: "ok" });
      res.writeHead(step.status ?? 200, { "content-type": "application/json; charset=utf-8", ...step.headers });
      res.end(text);
    });
  });
  open.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

afterEach(async () => {
  await Promise.all(
    open.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        }),
    ),
  );
});

function fakeSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

const message: RobotMessage = {
  title: "信用监测：预警",
  lines: ["东城区 · 上报率 62%"],
  link: { text: "打开总览", url: "https://credit.example.gov.cn/overview" },
};
const SECRET = "SEC0123456789abcdef0123456789abcdef";

function expectGrowingBackoff(delays: number[], base: number) {
  delays.forEach((d, i) => {
    const plain = base * 2 ** i;
    expect(d).toBeGreaterThanOrEqual(plain);
    expect(d).toBeLessThan(plain * 1.25 + 1);
  });
  for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
}

describe("sendToRobot against a local receiver", () => {
  it("企业微信: one POST with the markdown body; accepted on the first attempt", async () => {
    const rx = await startReceiver([{ json: { errcode: 0, errmsg: "ok" } }]);
    const robot: Robot = { kind: "wecom", url: `${rx.base}/cgi-bin/webhook/send?key=k-1` };
    const { delays, sleep } = fakeSleep();
    const reported: Attempt[] = [];
    const result = await sendToRobot(robot, message, { sleep, onAttempt: (a) => void reported.push(a) });

    expect(result.ok).toBe(true);
    expect(result.attempts).toHaveLength(1);
    expect(result.attempts[0]).toMatchObject({ n: 1, status: 200, ok: true, answer: '{"errcode":0,"errmsg":"ok"}' });
    expect(new Date(result.attempts[0]!.at).toISOString()).toBe(result.attempts[0]!.at);
    expect(reported).toEqual(result.attempts);
    expect(delays).toEqual([]);

    expect(rx.requests).toHaveLength(1);
    const req = rx.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/cgi-bin/webhook/send?key=k-1");
    expect(req.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(req.body)).toEqual(robotRequest(robot, message).body);
    expect(JSON.parse(req.body).markdown.content).toContain("[打开总览](https://credit.example.gov.cn/overview)");
  });

  it("钉钉 with 加签: the receiver verifies timestamp and sign as DingTalk does", async () => {
    const rx = await startReceiver((req) => {
      const q = new URL(req.path, "http://x").searchParams;
      const ts = q.get("timestamp") ?? "";
      const expected = createHmac("sha256", SECRET).update(`${ts}\n${SECRET}`).digest("base64");
      const fresh = Math.abs(Date.now() - Number(ts)) < 3_600_000;
      return q.get("sign") === expected && fresh && q.get("access_token") === "tok"
        ? { json: { errcode: 0, errmsg: "ok" } }
        : { json: { errcode: 310000, errmsg: "sign not match" } };
    });
    const good = await sendToRobot({ kind: "dingtalk", url: `${rx.base}/robot/send?access_token=tok`, secret: SECRET }, message, {
      sleep: fakeSleep().sleep,
    });
    expect(good.ok).toBe(true);
    const body = JSON.parse(rx.requests[0]!.body);
    expect(body).toMatchObject({ msgtype: "markdown", markdown: { title: "信用监测：预警" } });
    expect(body.markdown.text).toBe(
      "### 信用监测：预警\n\n东城区 · 上报率 62%\n\n[打开总览](https://credit.example.gov.cn/overview)",
    );
    expect(rx.requests[0]!.path).toMatch(/^\/robot\/send\?access_token=tok&timestamp=\d{13}&sign=[A-Za-z0-9%]+$/);
    expect(rx.requests[0]!.path.split("&sign=")[1]).not.toMatch(/[+/=]/); // base64 specials arrive percent-encoded

    // A wrong secret: 310000 comes back and is not retried.
    const { delays, sleep } = fakeSleep();
    const wrong = await sendToRobot(
      { kind: "dingtalk", url: `${rx.base}/robot/send?access_token=tok`, secret: "SECwrongwrongwrongwrong" },
      message,
      { sleep },
    );
    expect(wrong.ok).toBe(false);
    expect(wrong.attempts).toHaveLength(1);
    expect(wrong.attempts[0]).toMatchObject({ status: 200, ok: false });
    expect(wrong.attempts[0]!.answer).toContain("310000");
    expect(delays).toEqual([]);
    expect(rx.requests).toHaveLength(2);
  });

  it("errcode 45009 twice, then 0: succeeds on attempt 3 with growing backoff", async () => {
    const limited = { json: { errcode: 45009, errmsg: "api freq out of limit" } };
    const rx = await startReceiver([limited, limited, { json: { errcode: 0, errmsg: "ok" } }]);
    const { delays, sleep } = fakeSleep();
    const reported: Attempt[] = [];
    const result = await sendToRobot({ kind: "wecom", url: `${rx.base}/send?key=k` }, message, {
      sleep,
      baseDelayMs: 100,
      onAttempt: async (a) => {
        await new Promise((r) => setTimeout(r, 1));
        reported.push(a);
      },
    });
    expect(result.ok).toBe(true);
    expect(result.attempts.map((a) => [a.n, a.status, a.ok])).toEqual([
      [1, 200, false],
      [2, 200, false],
      [3, 200, true],
    ]);
    expect(result.attempts[0]!.answer).toContain("45009");
    expect(reported).toEqual(result.attempts);
    expect(rx.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
    expectGrowingBackoff(delays, 100);
  });

  it("钉钉 130101 (too fast) is retried; the signature is fresh on each attempt", async () => {
    const rx = await startReceiver([{ json: { errcode: 130101, errmsg: "send too fast" } }, { json: { errcode: 0 } }]);
    const result = await sendToRobot({ kind: "dingtalk", url: `${rx.base}/robot/send?access_token=t`, secret: SECRET }, message, {
      sleep: fakeSleep().sleep,
    });
    expect(result.ok).toBe(true);
    expect(result.attempts).toHaveLength(2);
    for (const r of rx.requests) {
      const q = new URL(r.path, "http://x").searchParams;
      expect(q.get("sign")).toBe(createHmac("sha256", SECRET).update(`${q.get("timestamp")}\n${SECRET}`).digest("base64"));
    }
  });

  it("HTTP 500 always: gives up after `attempts`, every attempt reported", async () => {
    const rx = await startReceiver([{ status: 500, text: "internal error" }]);
    const { delays, sleep } = fakeSleep();
    const reported: Attempt[] = [];
    const result = await sendToRobot({ kind: "wecom", url: `${rx.base}/send?key=k` }, message, {
      sleep,
      attempts: 5,
      baseDelayMs: 10,
      onAttempt: (a) => void reported.push(a),
    });
    expect(result.ok).toBe(false);
    expect(result.attempts.map((a) => a.n)).toEqual([1, 2, 3, 4, 5]);
    expect(result.attempts.every((a) => a.status === 500 && !a.ok && a.answer === "internal error")).toBe(true);
    expect(reported).toEqual(result.attempts);
    expect(rx.requests).toHaveLength(5);
    expect(delays).toHaveLength(4);
    expectGrowingBackoff(delays, 10);
  });

  it("defaults to 4 attempts and 1 s base delay", async () => {
    const rx = await startReceiver([{ status: 503, text: "busy" }]);
    const { delays, sleep } = fakeSleep();
    const result = await sendToRobot({ kind: "wecom", url: `${rx.base}/send?key=k` }, message, { sleep });
    expect(result.attempts).toHaveLength(4);
    expect(rx.requests).toHaveLength(4);
    expectGrowingBackoff(delays, 1000);
  });

  it("errcode 310000: no retry", async () => {
    const rx = await startReceiver([{ json: { errcode: 310000, errmsg: "keywords not in content" } }]);
    const { delays, sleep } = fakeSleep();
    const result = await sendToRobot({ kind: "dingtalk", url: `${rx.base}/robot/send?access_token=t` }, message, { sleep });
    expect(result.ok).toBe(false);
    expect(result.attempts).toHaveLength(1);
    expect(result.attempts[0]!.answer).toBe('{"errcode":310000,"errmsg":"keywords not in content"}');
    expect(rx.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("other errors are not retried: bad key (93000) and HTTP 404", async () => {
    const rx = await startReceiver([{ json: { errcode: 93000, errmsg: "invalid webhook url" } }, { status: 404, text: "nope" }]);
    const a = await sendToRobot({ kind: "wecom", url: `${rx.base}/send?key=k` }, message, { sleep: fakeSleep().sleep });
    const b = await sendToRobot({ kind: "wecom", url: `${rx.base}/send?key=k` }, message, { sleep: fakeSleep().sleep });
    expect([a.ok, a.attempts.length, b.ok, b.attempts.length, b.attempts[0]!.status]).toEqual([false, 1, false, 1, 404]);
    expect(rx.requests).toHaveLength(2);
  });

  it("a closed socket and a timeout are retried, then accepted", async () => {
    const rx = await startReceiver(["destroy", "hang", { json: { errcode: 0, errmsg: "ok" } }]);
    const { delays, sleep } = fakeSleep();
    const started = Date.now();
    const result = await sendToRobot({ kind: "wecom", url: `${rx.base}/send?key=k` }, message, {
      sleep,
      timeoutMs: 300,
      baseDelayMs: 50,
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.ok).toBe(true);
    expect(result.attempts.map((a) => [a.n, a.status, a.ok])).toEqual([
      [1, null, false],
      [2, null, false],
      [3, 200, true],
    ]);
    expect(result.attempts[0]!.answer).toMatch(/^网络错误：/);
    expect(result.attempts[1]!.answer).toBe("超时：300 ms 内没有应答");
    expect(rx.requests).toHaveLength(3);
    expectGrowingBackoff(delays, 50);
  });

  it("a server that never answers: every attempt times out, bounded", async () => {
    const rx = await startReceiver(["hang"]);
    const { delays, sleep } = fakeSleep();
    const result = await sendToRobot({ kind: "wecom", url: `${rx.base}/send?key=k` }, message, {
      sleep,
      attempts: 3,
      timeoutMs: 150,
    });
    expect(result.ok).toBe(false);
    expect(result.attempts.map((a) => a.answer)).toEqual(Array(3).fill("超时：150 ms 内没有应答"));
    expect(rx.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
  });

  it("connection refused is retried and reported as a network error", async () => {
    const rx = await startReceiver([{ json: { errcode: 0 } }]);
    const url = `${rx.base}/send?key=k`;
    await rx.close();
    const result = await sendToRobot({ kind: "wecom", url }, message, { sleep: fakeSleep().sleep, attempts: 2 });
    expect(result.ok).toBe(false);
    expect(result.attempts).toHaveLength(2);
    expect(result.attempts[0]!.status).toBeNull();
    expect(result.attempts[0]!.answer).toMatch(/^网络错误：.*ECONNREFUSED/);
  });

  it("429 honours Retry-After (capped) over the backoff", async () => {
    const rx = await startReceiver([{ status: 429, text: "slow down", headers: { "retry-after": "3" } }, { json: { errcode: 0 } }]);
    const { delays, sleep } = fakeSleep();
    const result = await sendToRobot({ kind: "dingtalk", url: `${rx.base}/robot/send?access_token=t` }, message, {
      sleep,
      baseDelayMs: 10,
    });
    expect(result.ok).toBe(true);
    expect(delays).toEqual([3000]);
  });

  it("truncates long answers to 500 characters", async () => {
    const rx = await startReceiver([{ status: 400, text: "错".repeat(2000) }]);
    const result = await sendToRobot({ kind: "wecom", url: `${rx.base}/send?key=k` }, message, { sleep: fakeSleep().sleep });
    expect(result.attempts[0]!.answer).toBe("错".repeat(500));
  });

  it("never throws: a failing onAttempt, sleep or fetchImpl, a bad URL", async () => {
    const rx = await startReceiver([{ status: 502, text: "bad gateway" }, { json: { errcode: 0 } }]);
    const r1 = await sendToRobot({ kind: "wecom", url: `${rx.base}/send?key=k` }, message, {
      onAttempt: () => {
        throw new Error("db down");
      },
      sleep: () => Promise.reject(new Error("no timers")),
    });
    expect(r1.ok).toBe(true);
    expect(r1.attempts).toHaveLength(2);

    const r2 = await sendToRobot({ kind: "wecom", url: `${rx.base}/send?key=k` }, message, {
      attempts: 2,
      sleep: fakeSleep().sleep,
      fetchImpl: (() => {
        throw new TypeError("boom");
      }) as unknown as typeof fetch,
    });
    expect(r2.ok).toBe(false);
    expect(r2.attempts.map((a) => a.answer)).toEqual(["网络错误：boom", "网络错误：boom"]);

    let called = 0;
    const r3 = await sendToRobot({ kind: "wecom", url: "not a url" }, message, {
      fetchImpl: (async () => {
        called++;
        return new Response("{}");
      }) as typeof fetch,
    });
    expect(r3.ok).toBe(false);
    expect(r3.attempts).toHaveLength(1);
    expect(r3.attempts[0]!.answer).toMatch(/^无法发送：/);
    expect(called).toBe(0);

    const r4 = await sendToRobot({ kind: "feishu" as "wecom", url: `${rx.base}/x` }, message);
    expect(r4.attempts).toHaveLength(1);
    expect(r4.ok).toBe(false);
  });

  it("clamps attempts to 1–10", async () => {
    const rx = await startReceiver([{ status: 500, text: "x" }]);
    const many = await sendToRobot({ kind: "wecom", url: `${rx.base}/s?key=k` }, message, { attempts: 1000, sleep: fakeSleep().sleep });
    expect(many.attempts).toHaveLength(10);
    const none = await sendToRobot({ kind: "wecom", url: `${rx.base}/s?key=k` }, message, { attempts: 0, sleep: fakeSleep().sleep });
    expect(none.attempts).toHaveLength(1);
  });
});
