import { describe, expect, it } from "vitest";
import { parseHolidayNotice } from "./notice";
import { parseNoticeText } from "./notice-text";
import { packageNoticeData } from "./package-data";

// 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）, as published, with its preamble and closing.
const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
国办发明电〔2024〕12号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作。`;

describe("the holiday notice as published", () => {
  it("reads every break and 调休 working day of the 2025 notice, the same days the bundled data holds", () => {
    const parsed = parseNoticeText(NOTICE_2025, 2025);
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    expect(parsed.holidays.map((h) => [h.name, h.from, h.to, h.workdays])).toEqual([
      ["元旦", "2025-01-01", "2025-01-01", []],
      ["春节", "2025-01-28", "2025-02-04", ["2025-01-26", "2025-02-08"]],
      ["清明节", "2025-04-04", "2025-04-06", []],
      ["劳动节", "2025-05-01", "2025-05-05", ["2025-04-27"]],
      ["端午节", "2025-05-31", "2025-06-02", []],
      ["国庆节、中秋节", "2025-10-01", "2025-10-08", ["2025-09-28", "2025-10-11"]],
    ]);
    expect(parseHolidayNotice(parsed.notice).ok).toBe(true);
    // Every weekday the notice gives off and every weekend day it makes a working day is in the bundled data.
    const bundled = packageNoticeData();
    const workdays = parsed.notice.overrides.filter((o) => o.kind === "workday").map((o) => o.date);
    expect(workdays.every((d) => bundled.workdays.has(d as never))).toBe(true);
    const offWeekdays = parsed.notice.overrides.filter((o) => o.kind === "holiday" && ![0, 6].includes(new Date(`${o.date}T00:00:00Z`).getUTCDay()));
    expect(offWeekdays.every((o) => bundled.holidays.has(o.date as never))).toBe(true);
  });

  it("puts a 元旦 break starting in December into the year before, and accepts half-width punctuation and wrapped lines", () => {
    const text = "一、元旦:12月31日(周三)至1月2日(周五)放假调休,共3天。\n1月4日(周日)上班。\n二、春节:2月16日至22日放假,共7天。";
    const parsed = parseNoticeText(text, 2026);
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    expect(parsed.holidays[0]).toEqual({ name: "元旦", from: "2025-12-31", to: "2026-01-02", workdays: ["2026-01-04"] });
    expect(parsed.holidays[1]).toMatchObject({ from: "2026-02-16", to: "2026-02-22" });
  });

  it("says in Chinese what it could not read", () => {
    expect(parseNoticeText("随便一段文字", 2027)).toEqual({ ok: false, errors: ["没有读到任何节假日安排：请粘贴通知正文（含“一、元旦：……放假……”各条）"] });
    expect(parseNoticeText("一、春节：放假调休，共8天。", 2027)).toEqual({ ok: false, errors: ["“春节”：没有读到放假日期"] });
  });
});

describe("next year's notice, missing", () => {
  it("is asked for from December until the calendar covers next year", async () => {
    const { createTestDb } = await import("@/tests/support/test-db");
    const { missingNoticeYear } = await import("./coverage");
    const t = await createTestDb();
    try {
      expect(await missingNoticeYear(t.db, "2098-11-30")).toBeNull();
      expect(await missingNoticeYear(t.db, "2098-12-01")).toBe(2099);
      expect(await missingNoticeYear(t.db, "2024-12-15")).toBeNull(); // 2025's notice is bundled
    } finally {
      t.cleanup();
    }
  });
});
