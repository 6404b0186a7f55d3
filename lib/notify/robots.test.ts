import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  dingtalkSign,
  MAX_CONTENT_BYTES,
  plainMarkdownText,
  redactRobotUrl,
  robotAccepted,
  robotRequest,
  robotRetryable,
  robotUrlProblem,
  type Robot,
} from "./index";

const WECOM_URL = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
const DING_URL = "https://oapi.dingtalk.com/robot/send?access_token=50cb6e954c89afa14fb97754eafd886d658fcda27d05015a26b474e7bd2f0a59";
const SECRET = "SEC0123456789abcdef0123456789abcdef";

/** The documented algorithm, written out again here independently of robots.ts. */
function referenceSign(secret: string, timestamp: number): string {
  const hmac = createHmac("sha256", secret);
  hmac.update(timestamp + "\n" + secret);
  return encodeURIComponent(hmac.digest().toString("base64"));
}

describe("钉钉 加签", () => {
  // Vectors computed with Python (hmac + hashlib.sha256 + base64 + urllib.parse.quote_plus), as in DingTalk's docs.
  const vectors: Array<[number, string, string]> = [
    [1700000000000, SECRET, "hJ95%2FXWePTzrSwXDHEJJY1Ta0B6qiG%2FYMxNzB4v4U2w%3D"],
    [1700000000005, SECRET, "PJXx9VM4QlQh%2F%2Bym11w3viIGPZou0MERbYZftw74bG4%3D"],
    [1735689600123, "SECxYz/+=!~testsecret_ABCDEFGH", "fFTMLnM08y28R0TSwj9kem5PLP97s%2F7AtNF8C827Y9k%3D"],
  ];

  it.each(vectors)("timestamp %d matches the Python vector and the reference recomputation", (ts, secret, expected) => {
    expect(encodeURIComponent(dingtalkSign(secret, ts))).toBe(expected);
    expect(referenceSign(secret, ts)).toBe(expected);
  });

  it("appends timestamp and URL-encoded sign to the webhook URL", () => {
    const { url } = robotRequest({ kind: "dingtalk", url: DING_URL, secret: SECRET }, { title: "t", lines: [] }, 1700000000005);
    expect(url).toBe(`${DING_URL}&timestamp=1700000000005&sign=PJXx9VM4QlQh%2F%2Bym11w3viIGPZou0MERbYZftw74bG4%3D`);
    const u = new URL(url);
    expect(u.searchParams.get("access_token")).toBe(new URL(DING_URL).searchParams.get("access_token"));
    expect(u.searchParams.get("timestamp")).toBe("1700000000005");
    // Decoded, the sign is the plain base64 of the HMAC ('+' survives because it was encoded as %2B).
    expect(u.searchParams.get("sign")).toBe(decodeURIComponent(referenceSign(SECRET, 1700000000005)));
  });

  it("leaves the URL alone without a secret (keyword or IP security)", () => {
    for (const secret of [undefined, null, ""]) {
      expect(robotRequest({ kind: "dingtalk", url: DING_URL, secret }, { title: "t", lines: [] }, 1).url).toBe(DING_URL);
    }
  });

  it("uses the current time by default", () => {
    const before = Date.now();
    const { url } = robotRequest({ kind: "dingtalk", url: DING_URL, secret: SECRET }, { title: "t", lines: [] });
    const ts = Number(new URL(url).searchParams.get("timestamp"));
    expect(ts).toBeGreaterThanOrEqual(before);
    expect(ts).toBeLessThanOrEqual(Date.now());
    expect(new URL(url).searchParams.get("sign")).toBe(decodeURIComponent(referenceSign(SECRET, ts)));
  });
});

describe("robotRequest payloads", () => {
  const message = {
    title: "信用监测：3 项指标预警",
    lines: ["东城区 · 行政许可双公示 上报率 62%", "西城区 · 失信被执行人 新增 4 条"],
    link: { text: "打开总览", url: "https://credit.example.gov.cn/overview?d=2026-11-03" },
  };

  it("企业微信: msgtype markdown with markdown.content, one line each", () => {
    const { url, body } = robotRequest({ kind: "wecom", url: WECOM_URL }, message, 1700000000000);
    expect(url).toBe(WECOM_URL);
    expect(body).toEqual({
      msgtype: "markdown",
      markdown: {
        content:
          "### 信用监测：3 项指标预警\n东城区 · 行政许可双公示 上报率 62%\n西城区 · 失信被执行人 新增 4 条\n" +
          "[打开总览](https://credit.example.gov.cn/overview?d=2026-11-03)",
      },
    });
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
  });

  it("钉钉: msgtype markdown with markdown.title and markdown.text, blank line between lines", () => {
    const { body } = robotRequest({ kind: "dingtalk", url: DING_URL, secret: SECRET }, message, 1700000000000);
    expect(body).toEqual({
      msgtype: "markdown",
      markdown: {
        title: "信用监测：3 项指标预警",
        text:
          "### 信用监测：3 项指标预警\n\n东城区 · 行政许可双公示 上报率 62%\n\n西城区 · 失信被执行人 新增 4 条\n\n" +
          "[打开总览](https://credit.example.gov.cn/overview?d=2026-11-03)",
      },
    });
  });

  it("neutralises markdown, HTML, mentions and control characters in user text", () => {
    const { body } = robotRequest(
      { kind: "wecom", url: WECOM_URL },
      {
        title: "# 标题\n<font color=\"warning\">红</font>",
        lines: [
          "[点我](javascript:alert(1)) <@all> **粗** `code` ~~删~~ a|b \\ _斜_",
          "> 引用\u202e反向\u0000\u0007\u200b零宽\r\n第二行\t制表",
          "- 列表",
          "   ",
        ],
      },
    );
    const content = (body as { markdown: { content: string } }).markdown.content;
    const lines = content.split("\n");
    expect(lines).toEqual([
      "### ＃ 标题 ＜font color=\"warning\"＞红＜/font＞",
      "［点我］(javascript:alert(1)) ＜@all＞ ＊＊粗＊＊ ｀code｀ ～～删～～ a｜b ＼ ＿斜＿",
      "＞ 引用反向零宽 第二行 制表",
      "－ 列表",
    ]);
    // eslint-disable-next-line no-control-regex
    expect(content).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u200b\u202e]/);
  });

  it("keeps each line short and the whole content within 4096 bytes, noting what was left out", () => {
    const long = "很长的企业名称".repeat(100);
    const lines = Array.from({ length: 200 }, (_, i) => `${i + 1}. ${long}`);
    for (const kind of ["wecom", "dingtalk"] as const) {
      const robot: Robot = kind === "wecom" ? { kind, url: WECOM_URL } : { kind, url: DING_URL };
      const { body } = robotRequest(robot, { title: "标".repeat(300), lines, link: { text: "详情", url: "https://x.example/a" } });
      const md = (body as { markdown: { content?: string; text?: string; title?: string } }).markdown;
      const text = md.content ?? md.text ?? "";
      expect(Buffer.byteLength(text, "utf8")).toBeLessThanOrEqual(MAX_CONTENT_BYTES);
      const out = text.split(kind === "wecom" ? "\n" : "\n\n");
      expect(out[0]!.length).toBeLessThanOrEqual(4 + 64);
      for (const l of out) expect(Array.from(l).length).toBeLessThanOrEqual(200);
      expect(out[1]!.endsWith("…")).toBe(true);
      expect(out.at(-2)).toMatch(/^……另有 \d+ 行未列出$/);
      expect(out.at(-1)).toBe("[详情](https://x.example/a)");
      if (kind === "dingtalk") expect(Array.from(md.title!).length).toBe(64);
    }
  });

  it("puts the link on its own line, encoding parentheses; a non-http link keeps only its text", () => {
    const r = (url: string) =>
      (robotRequest({ kind: "wecom", url: WECOM_URL }, { title: "t", lines: ["a"], link: { text: "看[这]里", url } }).body as {
        markdown: { content: string };
      }).markdown.content;
    expect(r("https://x.example/p(1)?q=a b")).toBe("### t\na\n[看［这］里](https://x.example/p%281%29?q=a%20b)");
    expect(r("javascript:alert(1)")).toBe("### t\na\n看［这］里");
    expect(r("/relative/path")).toBe("### t\na\n看［这］里");
    expect(r("https://user:pw@x.example/")).toBe("### t\na\n看［这］里");
  });

  it("gives an empty title a default", () => {
    const { body } = robotRequest({ kind: "dingtalk", url: DING_URL }, { title: " \n ", lines: [] });
    expect(body).toEqual({ msgtype: "markdown", markdown: { title: "信用监测通知", text: "### 信用监测通知" } });
  });

  it("plainMarkdownText drops lone surrogates and keeps emoji", () => {
    expect(plainMarkdownText("a\ud800b 👍")).toBe("ab 👍");
    expect(plainMarkdownText(null)).toBe("");
    expect(plainMarkdownText(12.5)).toBe("12.5");
  });
});

describe("robotAccepted / robotRetryable", () => {
  it("accepts only HTTP 200 with errcode 0", () => {
    expect(robotAccepted(200, { errcode: 0, errmsg: "ok" })).toBe(true);
    expect(robotAccepted(200, '{"errcode":0,"errmsg":"ok"}')).toBe(true);
    expect(robotAccepted(200, { errcode: 45009, errmsg: "api freq out of limit" })).toBe(false);
    expect(robotAccepted(200, { errcode: 310000, errmsg: "sign not match" })).toBe(false);
    expect(robotAccepted(500, { errcode: 0 })).toBe(false);
    expect(robotAccepted(200, {})).toBe(false);
    expect(robotAccepted(200, "ok")).toBe(false);
    expect(robotAccepted(200, null)).toBe(false);
  });

  it("retries rate limits, busy and 429/5xx, not bad keys or signatures", () => {
    expect(robotRetryable("wecom", 200, { errcode: 45009 })).toBe(true);
    expect(robotRetryable("wecom", 200, { errcode: -1 })).toBe(true);
    expect(robotRetryable("dingtalk", 200, { errcode: 130101 })).toBe(true);
    expect(robotRetryable("dingtalk", 200, '{"errcode":-1}')).toBe(true);
    expect(robotRetryable("wecom", 429, "")).toBe(true);
    expect(robotRetryable("dingtalk", 503, "")).toBe(true);
    expect(robotRetryable("dingtalk", 200, { errcode: 310000 })).toBe(false);
    expect(robotRetryable("dingtalk", 200, { errcode: 300001 })).toBe(false);
    expect(robotRetryable("wecom", 200, { errcode: 93000 })).toBe(false);
    expect(robotRetryable("wecom", 404, "")).toBe(false);
    expect(robotRetryable("wecom", 200, { errcode: 130101 })).toBe(false);
  });

  it("backoffDelay doubles with at most 25 % jitter", () => {
    expect(backoffDelay(1, 1000, () => 0)).toBe(1000);
    expect(backoffDelay(2, 1000, () => 0)).toBe(2000);
    expect(backoffDelay(3, 1000, () => 0.999)).toBeLessThan(5000);
    expect(backoffDelay(20, 1000, () => 0.5)).toBe(60_000);
  });
});

describe("robotUrlProblem", () => {
  const ok = (robot: Robot) => expect(robotUrlProblem(robot)).toBeNull();
  const bad = (robot: Robot, pattern: RegExp) => expect(robotUrlProblem(robot)).toMatch(pattern);

  it("accepts the documented webhook addresses", () => {
    ok({ kind: "wecom", url: WECOM_URL });
    ok({ kind: "wecom", url: WECOM_URL, secret: null });
    ok({ kind: "wecom", url: WECOM_URL, secret: "" });
    ok({ kind: "dingtalk", url: DING_URL });
    ok({ kind: "dingtalk", url: DING_URL, secret: SECRET });
    ok({ kind: "dingtalk", url: DING_URL, secret: "SEC" + "a".repeat(197) });
    ok({ kind: "dingtalk", url: DING_URL, secret: "SEC" + "x".repeat(17) });
  });

  it("rejects http:, other hosts and paths, ports", () => {
    bad({ kind: "wecom", url: WECOM_URL.replace("https:", "http:") }, /https/);
    bad({ kind: "dingtalk", url: DING_URL.replace("https:", "http:") }, /https/);
    bad({ kind: "wecom", url: "https://qyapi.weixin.qq.com.evil.example/cgi-bin/webhook/send?key=abc" }, /qyapi\.weixin\.qq\.com/);
    bad({ kind: "wecom", url: "https://evil.example/cgi-bin/webhook/send?key=abc" }, /qyapi/);
    bad({ kind: "dingtalk", url: "https://oapi.dingtalk.com.cn/robot/send?access_token=abc" }, /oapi\.dingtalk\.com/);
    bad({ kind: "dingtalk", url: WECOM_URL }, /oapi\.dingtalk\.com/);
    bad({ kind: "wecom", url: DING_URL }, /qyapi/);
    bad({ kind: "wecom", url: "https://qyapi.weixin.qq.com:8443/cgi-bin/webhook/send?key=abc" }, /qyapi/);
    bad({ kind: "wecom", url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/upload_media?key=abc" }, /路径/);
    bad({ kind: "wecom", url: "ftp://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc" }, /https/);
    bad({ kind: "wecom", url: "qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc" }, /格式/);
  });

  it("rejects a missing or odd key / access_token and extra parameters", () => {
    bad({ kind: "wecom", url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send" }, /缺少 key/);
    bad({ kind: "wecom", url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" }, /缺少 key/);
    bad({ kind: "dingtalk", url: "https://oapi.dingtalk.com/robot/send?token=abc" }, /缺少 access_token/);
    bad({ kind: "dingtalk", url: "https://oapi.dingtalk.com/robot/send?access_token=" }, /缺少 access_token/);
    bad({ kind: "dingtalk", url: `${DING_URL}&timestamp=1&sign=x` }, /timestamp 和 sign/);
    bad({ kind: "wecom", url: `${WECOM_URL}&debug=1` }, /只能带 key/);
    bad({ kind: "wecom", url: `${WECOM_URL}&key=other` }, /只能带 key/);
    bad({ kind: "wecom", url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=%3Cscript%3E" }, /不应出现的字符/);
  });

  it("rejects credentials, fragments, whitespace, over-long and empty URLs", () => {
    bad({ kind: "wecom", url: "https://user:pw@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc" }, /用户名或密码/);
    bad({ kind: "dingtalk", url: "https://u@oapi.dingtalk.com/robot/send?access_token=abc" }, /用户名或密码/);
    bad({ kind: "dingtalk", url: "https://@oapi.dingtalk.com/robot/send?access_token=abc" }, /用户名或密码/);
    bad({ kind: "wecom", url: `${WECOM_URL}#x` }, /片段/);
    bad({ kind: "wecom", url: `${WECOM_URL}#` }, /片段/);
    bad({ kind: "wecom", url: ` ${WECOM_URL}` }, /空格/);
    bad({ kind: "wecom", url: `${WECOM_URL}\n` }, /空格/);
    bad({ kind: "wecom", url: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${"a".repeat(460)}` }, /过长/);
    const prefix = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=";
    ok({ kind: "wecom", url: `${prefix}${"a".repeat(500 - prefix.length)}` });
    bad({ kind: "wecom", url: `${prefix}${"a".repeat(501 - prefix.length)}` }, /过长/);
    bad({ kind: "wecom", url: "" }, /请填写/);
    bad({ kind: "wecom", url: undefined as unknown as string }, /请填写/);
    bad({ kind: "feishu" as "wecom", url: WECOM_URL }, /类型/);
  });

  it("rejects bad 钉钉 secrets and a secret for 企业微信", () => {
    bad({ kind: "dingtalk", url: DING_URL, secret: "0123456789abcdef0123456789" }, /SEC/);
    bad({ kind: "dingtalk", url: DING_URL, secret: "SEC123" }, /20 到 200/);
    bad({ kind: "dingtalk", url: DING_URL, secret: "SEC" + "a".repeat(198) }, /20 到 200/);
    bad({ kind: "dingtalk", url: DING_URL, secret: "SEC0123456789abcdef 0123" }, /不能有空格或中文/);
    bad({ kind: "dingtalk", url: DING_URL, secret: "SEC0123456789abcdef密钥" }, /不能有空格或中文/);
    bad({ kind: "dingtalk", url: DING_URL, secret: `${SECRET}\n` }, /不能有空格或中文/);
    bad({ kind: "wecom", url: WECOM_URL, secret: SECRET }, /不使用加签/);
  });
});

describe("redactRobotUrl", () => {
  it("masks key, access_token and sign", () => {
    expect(redactRobotUrl(WECOM_URL)).toBe("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a***");
    expect(redactRobotUrl(`${DING_URL}&timestamp=1&sign=abc`)).toBe(
      "https://oapi.dingtalk.com/robot/send?access_token=50cb***&timestamp=1&sign=***",
    );
  });
});
