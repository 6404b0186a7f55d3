import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { formatMonthZh } from "@/lib/dates";
import { authStateFile } from "../auth-state";
import { lookUpIds } from "../access/store";
import { screenshot } from "../support";
import { expect, test } from "../access/page-test";

/** The text of a Word file's body, its runs joined. */
const wordText = (docx: Uint8Array) =>
  [...strFromU8(unzipSync(docx)["word/document.xml"] ?? new Uint8Array()).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");

// Beside the month's circular, each responsible department gets a one-page 问题清单: the office downloads them all as a
// zip or one by one; a department downloads its own and is refused another's.
test("the office downloads every department's 问题清单 as a zip, and one of them", async ({ browser }) => {
  const ids = await lookUpIds();
  const month = formatMonthZh(ids.latestMonth);
  const office = await browser.newContext({ storageState: authStateFile("office") });
  const page = await office.newPage();
  await page.goto("/circulars");
  // From the month's row, a draft's or (once the circular journey has issued it) the issued one's.
  const toNotices = page.locator(`a[href="/circulars/${ids.latestMonth}/print#notices"]`).first();
  await expect(toNotices).toHaveText("各部门问题清单");
  await toNotices.click();
  const notices = page.getByRole("region", { name: "各部门问题清单" });
  await expect(notices).toBeVisible();
  const rows = notices.getByRole("listitem");
  await expect(rows.first()).toContainText(/红 \d+ \/ 黄 \d+ \/ 督办 \d+ \/ 任务 \d+/);
  const listed = (await rows.getByRole("link").allTextContents()).map((t) => t.trim());
  expect(listed.length).toBeGreaterThan(0);

  const zipDownload = page.waitForEvent("download");
  await notices.getByRole("link", { name: "全部下载（zip）" }).click();
  const zip = await zipDownload;
  expect(zip.suggestedFilename()).toBe(`${month}各部门问题清单.zip`);
  const entries = unzipSync(new Uint8Array(await readFile(await zip.path())));
  // One Word file per listed department, and no other.
  expect(Object.keys(entries).sort()).toEqual(listed.map((name) => `${month}问题清单-${name}.docx`).sort());
  for (const [name, docx] of Object.entries(entries)) {
    expect(wordText(docx)).toContain(`关于${month}${name.replace(/^.*问题清单-|\.docx$/g, "")}信用监测问题整改的清单`);
  }

  const one = listed.includes(ids.samr.shortName) ? ids.samr.shortName : listed[0]!;
  const wordDownload = page.waitForEvent("download");
  await rows.getByRole("link", { name: one, exact: true }).click();
  const word = await wordDownload;
  expect(word.suggestedFilename()).toBe(`${month}问题清单-${one}.docx`);
  const text = wordText(new Uint8Array(await readFile(await word.path())));
  expect(text).toContain("（一）红色、黄色预警指标");
  expect(text).toContain("（二）未办结的督办事项");
  expect(text).toContain("（三）逾期或进度滞后的任务");
  await screenshot(page, "circular-department-notices");
  await office.close();
});

test("a department downloads its own 问题清单 and is refused another department's and the zip", async ({ browser }) => {
  const ids = await lookUpIds();
  const month = formatMonthZh(ids.latestMonth);
  const dept = await browser.newContext({ storageState: authStateFile("samr") });
  const page = await dept.newPage();
  await page.goto(`/departments/${ids.samr.id}`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: `下载本部门${month}问题清单` }).click();
  const own = await download;
  expect(own.suggestedFilename()).toBe(`${month}问题清单-${ids.samr.shortName}.docx`);
  expect(wordText(new Uint8Array(await readFile(await own.path())))).toContain(`关于${month}${ids.samr.shortName}信用监测问题整改的清单`);

  // The circular's page lists its own list only, with no zip.
  await page.goto(`/circulars/${ids.latestMonth}/print`);
  const notices = page.getByRole("region", { name: "各部门问题清单" });
  await expect(notices).toBeVisible();
  await expect(notices.getByRole("link", { name: "全部下载（zip）" })).toHaveCount(0);
  await expect(notices.getByRole("link", { name: ids.tax.shortName, exact: true })).toHaveCount(0);

  // Asked for by address, another department's list and the zip are refused in Chinese.
  const other = await page.request.get(`/circulars/${ids.latestMonth}/notices/${ids.tax.id}`);
  expect(other.status()).toBe(403);
  expect(await other.text()).toContain("只能下载本部门的问题清单");
  const all = await page.request.get(`/circulars/${ids.latestMonth}/notices`);
  expect(all.status()).toBe(403);
  expect(await all.text()).toContain("部门账号只能下载本部门的问题清单");
  await dept.close();
});
