import { screenshot } from "../support";
import { authStateFile } from "../auth-state";
import { expect, test } from "../access/page-test";

test.use({ storageState: authStateFile("office") });

// The office pastes a year's notice as published, checks what was read, and saves it. A far year keeps other journeys' deadlines as they were.
test("the office enters a holiday notice by pasting it and checking the days read", async ({ page }) => {
  await page.goto("/settings/calendar");
  const form = page.getByRole("form", { name: "录入节假日安排" });
  await form.getByLabel("年份").fill("2099");
  await form.getByLabel(/通知正文/).fill("随便一段文字");
  await form.getByRole("button", { name: "读取" }).click();
  await expect(form.getByRole("alert").first()).toContainText("没有读到任何节假日安排");
  await form.getByLabel("年份").fill("2099");
  await form.getByLabel(/通知正文/).fill([
    "国务院办公厅关于2099年部分节假日安排的通知",
    "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。",
    "二、春节：1月21日（周三）至27日（周二）放假调休，共7天。1月18日（周日）、1月31日（周六）上班。",
  ].join("\n"));
  await form.getByRole("button", { name: "读取" }).click();
  const preview = form.getByRole("table", { name: "读到的节假日安排" });
  await expect(preview.getByRole("row", { name: /春节/ })).toContainText("2099-01-21 至 2099-01-27");
  await expect(preview.getByRole("row", { name: /春节/ })).toContainText("2099-01-18、2099-01-31");
  await screenshot(page, "settings-calendar-preview");
  await form.getByRole("button", { name: "确认保存" }).click();
  await expect(form.getByRole("status")).toContainText("已保存2099年节假日安排（13天）");
  await page.reload();
  await expect(page.getByText(/已有：.*2099/)).toBeVisible();
});
