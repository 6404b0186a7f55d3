import type { APIResponse } from "@playwright/test";
import { authStateFile } from "../auth-state";
import { screenshot } from "../support";
import { expect, hydrated, test } from "./page-test";
import { captureAction, fieldOf, replay, withField } from "./actions";
import { requestAs } from "./requests";
import { lookUpIds, plantTasks, progressOf, scalar, type DemoIds, type PlantedTasks } from "./store";

// Every write is a server action behind a form. The office's browser fills a form and its call is
// taken off the wire before it reaches the server; the same call is then sent with another account's
// cookie. The server must refuse it in Chinese and leave the store as it was.
test.use({ storageState: authStateFile("leader") });

let ids: DemoIds;
let tasks: PlantedTasks;

test.beforeAll(async () => {
  ids = await lookUpIds();
  tasks = await plantTasks(ids);
});

test.afterAll(async () => {
  await tasks?.remove();
});

const OTHERS = ["leader", "samr", "chengguan"] as const;

/** A server action's answer is the React payload; the refusal is in it as text. */
async function answer(response: APIResponse): Promise<string> {
  return `${response.status()} ${await response.text()}`;
}

test("通报: the leader sees no 印发 and no 通报设置; crafted 印发 and 通报设置 calls are refused for everyone but the office", async ({ page, browser, playwright }) => {
  await page.goto("/circulars");
  await expect(page.getByRole("heading", { level: 1, name: "通报" })).toBeVisible();
  await expect(page.getByRole("region", { name: "草稿" }).getByRole("row")).not.toHaveCount(0);
  await expect(page.getByRole("button", { name: "印发" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "作废" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "通报设置" })).toHaveCount(0);
  await screenshot(page, "access-leader-circulars");

  const settingsBefore = await scalar("SELECT value FROM app_meta WHERE key = 'circular_settings'");
  const settings = await captureAction(browser, "office", "/circulars", async (office) => {
    await office.getByLabel("发文字号代字").fill("篡改字号");
    await office.getByRole("button", { name: "保存设置" }).click();
  });
  expect(fieldOf(settings, "documentNumberPrefix")).toBe("篡改字号");
  const issue = await captureAction(browser, "office", "/circulars", async (office) => {
    await office.getByRole("region", { name: "草稿" }).getByRole("button", { name: "印发" }).first().click();
  });
  expect(fieldOf(issue, "month")).toMatch(/^\d{4}-\d{2}$/);

  for (const who of OTHERS) {
    const context = await requestAs(playwright, who);
    expect(await answer(await replay(context, settings)), `${who} 修改通报设置`).toContain("只有信用办可以修改通报设置");
    expect(await answer(await replay(context, issue)), `${who} 印发通报`).toContain("只有信用办可以印发通报");
    await context.dispose();
  }
  expect(await scalar("SELECT value FROM app_meta WHERE key = 'circular_settings'")).toBe(settingsBefore);
  expect(await scalar("SELECT count(*) FROM circulars")).toBe(0);

  // The office's page still shows the settings as they were and nothing issued.
  const office = await browser.newContext({ storageState: authStateFile("office") });
  const officePage = await office.newPage();
  await officePage.goto("/circulars");
  await expect(officePage.getByLabel("发文字号代字")).not.toHaveValue("篡改字号");
  await expect(officePage.getByRole("region", { name: "已印发（0）" })).toContainText("尚未印发通报");

  // The same call is a working call: sent by the office (with the prefix it already has) it saves.
  const current = await officePage.getByLabel("发文字号代字").inputValue();
  const officeRequest = await requestAs(playwright, "office");
  expect(await answer(await replay(officeRequest, settings, withField(settings, "documentNumberPrefix", current)))).toContain("已保存");
  await officeRequest.dispose();
  await office.close();
});

test("账号 and 接口令牌: crafted calls of the office's forms (new account, raising the leader to 信用办, a token) are refused for the others", async ({ browser, playwright }) => {
  const create = await captureAction(browser, "office", "/settings/users", async (office) => {
    const form = office.getByRole("form", { name: "新建账号" });
    await form.getByRole("textbox", { name: /^账号/ }).fill("access-intruder");
    await form.getByLabel("姓名或单位").fill("闯入者");
    await form.getByLabel("角色").selectOption({ label: "信用办" });
    await form.getByLabel("初始密码").fill("Intruder#2026");
    await form.getByRole("button", { name: "创建账号" }).click();
  });
  const raise = await captureAction(browser, "office", "/settings/users", async (office) => {
    await office.getByRole("row", { name: /^leader\b/ }).getByRole("button", { name: "修改" }).click();
    const form = office.getByRole("form", { name: "修改账号 leader" });
    await form.getByLabel("角色").selectOption({ label: "信用办" });
    await form.getByRole("button", { name: "保存修改" }).click();
  });
  expect(fieldOf(raise, "role")).toBe("office");
  const token = await captureAction(browser, "office", "/settings/tokens", async (office) => {
    const form = office.getByRole("form", { name: "发放令牌" });
    await form.getByLabel("部门").selectOption({ label: ids.samr.shortName });
    await form.getByLabel("用途").fill("闯入");
    await form.getByRole("button", { name: "发放令牌" }).click();
  });

  const tokensBefore = await scalar("SELECT count(*) FROM api_tokens");
  const auditBefore = await scalar("SELECT count(*) FROM audit_log WHERE action IN ('user.create', 'user.update', 'token.issue')");
  for (const who of OTHERS) {
    const context = await requestAs(playwright, who);
    for (const [what, call] of [["新建账号", create], ["提升领导为信用办", raise], ["发放令牌", token]] as const) {
      const response = await replay(context, call);
      const text = await response.text();
      // Refused: the 无权访问 answer or a Chinese refusal, never the success message or a token.
      expect(text, `${who} ${what}`).not.toMatch(/已创建|已保存|令牌已发放|xyjc_[A-Za-z0-9_-]{20,}/);
      expect(`${response.status()} ${text}`, `${who} ${what}`).toMatch(/^403 |无权|只有信用办/);
    }
    await context.dispose();
  }
  expect(await scalar("SELECT count(*) FROM users WHERE username = 'access-intruder'")).toBe(0);
  expect(await scalar("SELECT role FROM users WHERE username = 'leader'")).toBe("leader");
  expect(await scalar("SELECT count(*) FROM api_tokens")).toBe(tokensBefore);
  expect(await scalar("SELECT count(*) FROM audit_log WHERE action IN ('user.create', 'user.update', 'token.issue')")).toBe(auditBefore);
  // The leader's session still stands for a 领导.
  const leader = await requestAs(playwright, "leader");
  expect((await (await leader.get("/api/v1/me")).json()).role).toBe("leader");
  await leader.dispose();
});

test("进展: a department reports only as itself and only on its tasks; the leader and a district cannot report", async ({ browser, playwright }) => {
  const own = `/tasks/${tasks.own.id}`;
  // The office may report for either department the task names; samr's form offers only itself.
  const office = await browser.newContext({ storageState: authStateFile("office") });
  const officePage = await office.newPage();
  await officePage.goto(own);
  await expect(officePage.getByRole("form", { name: "报送进展" }).getByLabel("报送部门").locator("option")).toHaveText(["请选择", ids.transport.shortName, ids.samr.shortName]);
  await office.close();

  // The leader reads the task but has no form to report with.
  const leaderRequest = await requestAs(playwright, "leader");
  const leaderView = await leaderRequest.get(own, { headers: { Accept: "text/html" } });
  expect(leaderView.status()).toBe(200);
  expect(await leaderView.text()).not.toContain('aria-label="报送进展"');
  await leaderRequest.dispose();

  const samr = await browser.newContext({ storageState: authStateFile("samr") });
  const page = await samr.newPage();
  await page.goto(own);
  const form = page.getByRole("form", { name: "报送进展" });
  await expect(form.getByLabel("报送部门").locator("option")).toHaveText([ids.samr.shortName]);

  // A crafted choice of the other department the task names is refused.
  await hydrated(form.getByLabel("报送部门"));
  await form.getByLabel("报送部门").evaluate((select: HTMLSelectElement, id: number) => {
    const option = document.createElement("option");
    option.value = String(id);
    option.textContent = "市交通运输局";
    select.appendChild(option);
    select.value = String(id);
  }, ids.transport.id);
  await form.getByLabel("进展说明").fill("冒名报送");
  await expect(form.getByLabel("报送部门")).toHaveValue(String(ids.transport.id));
  await form.getByRole("button", { name: "提交进展" }).click();
  await expect(form.getByRole("alert")).toHaveText("只能以本单位名义报送进展");
  await screenshot(page, "access-samr-progress-refused");
  expect(await progressOf(tasks.own.id)).toEqual([]);

  // As itself it is recorded.
  await form.getByLabel("报送部门").selectOption(String(ids.samr.id));
  await form.getByLabel("进展说明").fill("本部门按期推进");
  await form.getByRole("button", { name: "提交进展" }).click();
  await expect(form.getByRole("status")).toHaveText("进展已记录");
  expect(await progressOf(tasks.own.id)).toEqual([{ departmentId: ids.samr.id, note: "本部门按期推进" }]);
  await samr.close();

  // samr's call, sent by others or bent to another task or department.
  const call = await captureAction(browser, "samr", own, async (p) => {
    const f = p.getByRole("form", { name: "报送进展" });
    await f.getByLabel("进展状态").selectOption({ label: "已完成" });
    await f.getByLabel("进展说明").fill("代为报送");
    await f.getByRole("button", { name: "提交进展" }).click();
  });
  expect(fieldOf(call, "departmentId")).toBe(String(ids.samr.id));
  const leader = await requestAs(playwright, "leader");
  expect(await answer(await replay(leader, call))).toContain("领导账号只能查看，不能报送进展");
  await leader.dispose();
  const chengguan = await requestAs(playwright, "chengguan");
  expect(await answer(await replay(chengguan, call))).toContain("只能以本单位名义报送进展");
  await chengguan.dispose();
  const samrRequest = await requestAs(playwright, "samr");
  const onOtherTask = withField(call, "taskId", String(tasks.other.id));
  expect(await answer(await replay(samrRequest, call, onOtherTask))).toContain("该部门不是此任务的牵头或责任单位");
  const asTax = withField({ ...call, body: onOtherTask }, "departmentId", String(ids.tax.id));
  expect(await answer(await replay(samrRequest, call, asTax))).toContain("只能以本单位名义报送进展");
  await samrRequest.dispose();

  expect(await progressOf(tasks.own.id)).toEqual([{ departmentId: ids.samr.id, note: "本部门按期推进" }]);
  expect(await progressOf(tasks.other.id)).toEqual([]);
});

const PLAN = [
  "示范市门禁测试工作要点",
  "",
  "一、重点任务",
  "（一）规范信用信息报送",
  "1．门禁测试任务。按期完成双公示报送。〔责任单位：市市场监管局〕",
].join("\n");

test("工作要点: only the office reads and saves a plan; crafted calls from the others are refused", async ({ page, browser, playwright }) => {
  await page.goto("/plans/new");
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();

  const fill = async (office: import("@playwright/test").Page) => {
    await office.getByLabel("粘贴工作要点全文").fill(PLAN);
    await office.getByRole("button", { name: "读取" }).click();
  };
  const read = await captureAction(browser, "office", "/plans/new", fill);
  const save = await captureAction(browser, "office", "/plans/new", async (office) => {
    await fill(office);
    const confirm = office.getByRole("button", { name: "确认保存" });
    await expect(confirm).toBeEnabled();
    await confirm.click();
  }, 1);

  const plansBefore = await scalar("SELECT count(*) FROM work_plans");
  for (const who of OTHERS) {
    const context = await requestAs(playwright, who);
    expect(await answer(await replay(context, read)), `${who} 读取`).toContain("只有信用办可以载入工作要点");
    expect(await answer(await replay(context, save)), `${who} 保存`).toContain("只有信用办可以保存工作要点");
    await context.dispose();
  }
  expect(await scalar("SELECT count(*) FROM work_plans")).toBe(plansBefore);
});
