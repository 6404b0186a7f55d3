import { describe, expect, it } from "vitest";
import {
  excelSerialToIsoDate, isEmptyMarker, normalizeCell, parseAmountWan, parseChineseNumber, parseCode, parseDate,
  parseText,
} from "./values";

describe("normalizeCell", () => {
  it("turns full-width characters half-width", () => {
    expect(normalizeCell("２０２６－１０－０８")).toBe("2026-10-08");
    expect(normalizeCell("ＡＢＣ（有限公司）：１")).toBe("ABC(有限公司):1");
    expect(normalizeCell("￥２，０００元")).toBe("¥2,000元");
  });

  it("trims and collapses every kind of whitespace to one space", () => {
    expect(normalizeCell("\u3000 张三\u00a0\u00a0李四\t\r\n王五\u3000")).toBe("张三 李四 王五");
    expect(normalizeCell("a\u2003\u2002b")).toBe("a b");
  });

  it("removes zero-width characters and the BOM without leaving a space", () => {
    expect(normalizeCell("\ufeff2026\u200b-10\u200c-0\u200d8")).toBe("2026-10-08");
    expect(normalizeCell("\u200b")).toBe("");
  });

  it("gives cells that are already normal back as they are, and normalises the rest the same way", () => {
    for (const [cell, normal] of [
      ["示范市第2商贸有限公司", "示范市第2商贸有限公司"], ["示市监罚〔2026〕2号", "示市监罚〔2026〕2号"],
      ["《中华人民共和国广告法》第五十五条", "《中华人民共和国广告法》第五十五条"], ["2026-11-20 08:00:00", "2026-11-20 08:00:00"],
      [" 张三", "张三"], ["张三 ", "张三"], ["张  三", "张 三"], ["当事人（甲）", "当事人(甲)"], ["罚款\u200b5元", "罚款5元"],
      ["\u3000甲", "甲"], ["\uF900", "\u8C48"], ["①", "1"], ["㈱", "(株)"], ["a\tb", "a b"],
    ]) expect(normalizeCell(cell!), JSON.stringify(cell)).toBe(normal);
  });
});

describe("isEmptyMarker", () => {
  it("recognises the ways exports write an empty cell", () => {
    for (const cell of [
      "", "  ", "\u3000", "-", "--", "—", "— —", "——", "/", "\\", "无", "暂无", "空", "null", "NULL", "Null",
      "N/A", "n/a", "#N/A", "NA", "na", "－", "\u200b", " — — ", "———", "- -", "／",
    ]) {
      expect(isEmptyMarker(cell), JSON.stringify(cell)).toBe(true);
    }
  });

  it("does not treat values as empty", () => {
    for (const cell of ["0", "0.0", "无锡市", "空调", "NAME", "-1", "2026-10-08", "——公司", "x"]) {
      expect(isEmptyMarker(cell), cell).toBe(false);
    }
  });
});

describe("parseText", () => {
  it("normalises text and maps empty markers to null", () => {
    expect(parseText("  汕头市 \u00a0自然资源局（根据省政府令）")).toEqual({ value: "汕头市 自然资源局(根据省政府令)" });
    expect(parseText("— —")).toEqual({ value: null });
    expect(parseText("无")).toEqual({ value: null });
    expect(parseText("0")).toEqual({ value: "0" });
  });

  it("reports Excel error values", () => {
    expect(parseText("#REF!")).toEqual({ value: null, problem: "Excel 错误值：#REF!" });
    expect(parseText("#######")).toEqual({ value: null, problem: "Excel 列宽不足显示为 #######" });
  });
});

describe("parseCode", () => {
  it("upper-cases and removes inner spaces and hyphens", () => {
    expect(parseCode(" 91350100m000100y43 ")).toEqual({ value: "91350100M000100Y43" });
    expect(parseCode("９１３５ ０１００－Ｍ０００１００Ｙ４３")).toEqual({ value: "91350100M000100Y43" });
    expect(parseCode("12345678-9")).toEqual({ value: "123456789" });
    expect(parseCode("\u200b1234\u00a05678")).toEqual({ value: "12345678" });
    expect(parseCode("事证第110000001234号")).toEqual({ value: "事证第110000001234号" });
    expect(parseCode("00000000000000000x")).toEqual({ value: "00000000000000000X" });
  });

  it("maps empty markers to null and reports codes mangled by Excel", () => {
    expect(parseCode("/")).toEqual({ value: null });
    expect(parseCode("--")).toEqual({ value: null });
    expect(parseCode("9.13501E+17")).toEqual({ value: null, problem: "代码被 Excel 改成了科学计数法：9.13501E+17" });
  });
});

describe("excelSerialToIsoDate", () => {
  it("follows Excel's 1900 system with its phantom 1900-02-29", () => {
    expect(excelSerialToIsoDate(1)).toBe("1900-01-01");
    expect(excelSerialToIsoDate(59)).toBe("1900-02-28");
    expect(excelSerialToIsoDate(60)).toBeNull();
    expect(excelSerialToIsoDate(61)).toBe("1900-03-01");
    expect(excelSerialToIsoDate(45000)).toBe("2023-03-15");
    expect(excelSerialToIsoDate(45000.75)).toBe("2023-03-15");
    expect(excelSerialToIsoDate(46303)).toBe("2026-10-08");
    expect(excelSerialToIsoDate(2958465)).toBe("9999-12-31");
    expect(excelSerialToIsoDate(0)).toBeNull();
    expect(excelSerialToIsoDate(2958466)).toBeNull();
  });
});

describe("parseDate", () => {
  it("reads every usual spelling of a date", () => {
    for (const cell of [
      "2026-10-08", "2026-10-8", "2026/10/08", "2026/10/8", "2026.10.08", "2026年10月8日", "2026年10月08日",
      "2026 年 10 月 8 日", "2026年10月8号", "20261008", "46303", "二〇二六年十月八日", "２０２６－１０－０８",
      "２０２６年１０月８日", " 2026-10-08\u00a0", "\ufeff2026-10-08", "2026\u200b-10-08",
    ]) {
      expect(parseDate(cell), cell).toEqual({ value: "2026-10-08" });
    }
    expect(parseDate("二〇二六年十二月三十一日")).toEqual({ value: "2026-12-31" });
    expect(parseDate("2024-02-29")).toEqual({ value: "2024-02-29" });
  });

  it("drops a time after the date", () => {
    for (const cell of [
      "2026-10-08 14:30", "2026-10-08T14:30:00", "2026-10-08 14:30:00.0", "2026/10/8 9:05:00",
      "2026年10月8日 14时30分", "2026年10月8日14时30分", "2026年10月8日 14点", "2026/10/8 下午 2:30:00",
      "2026/10/8 2:30 PM", "20261008143000", "202610081430", "46303.75", "2026-10-08T14:30:00+08:00",
    ]) {
      expect(parseDate(cell), cell).toEqual({ value: "2026-10-08" });
    }
  });

  it("moves a time with a zone to China's date before dropping it", () => {
    expect(parseDate("2026-10-07T16:30:00Z")).toEqual({ value: "2026-10-08" });
    expect(parseDate("2026-10-08T15:59:00Z")).toEqual({ value: "2026-10-08" });
    expect(parseDate("2026-10-08T16:00:00Z")).toEqual({ value: "2026-10-09" });
  });

  it("maps Excel serials, treating the phantom 1900-02-29 as invalid", () => {
    expect(parseDate("45000")).toEqual({ value: "2023-03-15" });
    expect(parseDate("45000.75")).toEqual({ value: "2023-03-15" });
    expect(parseDate("1")).toEqual({ value: null, problem: "日期超出范围：1900-01-01（Excel 序列号 1）" });
    expect(parseDate("59")).toEqual({ value: null, problem: "日期超出范围：1900-02-28（Excel 序列号 59）" });
    expect(parseDate("60")).toEqual({ value: null, problem: "日期无效：1900-02-29（Excel 序列号 60）" });
    expect(parseDate("61")).toEqual({ value: null, problem: "日期超出范围：1900-03-01（Excel 序列号 61）" });
    expect(parseDate("0")).toEqual({ value: null, problem: "无法识别的日期：0" });
    expect(parseDate("2958466")).toEqual({ value: null, problem: "无法识别的日期：2958466" });
  });

  it("maps empty markers to null without a problem", () => {
    for (const cell of ["", "— —", "-", "/", "无", "null", "#N/A"]) expect(parseDate(cell), cell).toEqual({ value: null });
  });

  it("reports invalid calendar dates", () => {
    expect(parseDate("2026-02-30")).toEqual({ value: null, problem: "日期无效：2026-02-30" });
    expect(parseDate("2026/2/29")).toEqual({ value: null, problem: "日期无效：2026-02-29" });
    expect(parseDate("2026-13-01")).toEqual({ value: null, problem: "日期无效：2026-13-01" });
    expect(parseDate("2026-10-00")).toEqual({ value: null, problem: "日期无效：2026-10-00" });
    expect(parseDate("20261332")).toEqual({ value: null, problem: "日期无效：2026-13-32" });
    expect(parseDate("2026年4月31日")).toEqual({ value: null, problem: "日期无效：2026-04-31" });
  });

  it("reports years outside 1949–2100", () => {
    expect(parseDate("1948-12-31")).toEqual({ value: null, problem: "日期超出范围：1948-12-31" });
    expect(parseDate("2101-01-01")).toEqual({ value: null, problem: "日期超出范围：2101-01-01" });
    expect(parseDate("1949-01-01")).toEqual({ value: "1949-01-01" });
    expect(parseDate("2100-12-31")).toEqual({ value: "2100-12-31" });
    expect(parseDate("2099-12-31")).toEqual({ value: "2099-12-31" });
  });

  it("does not guess two-digit years or the order of day and month", () => {
    expect(parseDate("26-10-08")).toEqual({ value: null, problem: "年份只有两位，无法确定：26-10-08" });
    expect(parseDate("10/8/26")).toEqual({ value: null, problem: "年份只有两位，无法确定：10/8/26" });
    expect(parseDate("26年10月8日")).toEqual({ value: null, problem: "年份只有两位，无法确定：26年10月8日" });
    expect(parseDate("10/08/2026")).toEqual({ value: null, problem: "无法确定年月日顺序：10/08/2026" });
  });

  it("reports anything else with its first 20 characters", () => {
    expect(parseDate("长期")).toEqual({ value: null, problem: "无法识别的日期：长期" });
    expect(parseDate("2026-10")).toEqual({ value: null, problem: "无法识别的日期：2026-10" });
    expect(parseDate("2026-10-08起")).toEqual({ value: null, problem: "无法识别的日期：2026-10-08起" });
    expect(parseDate("2026-10-08 25:00")).toEqual({ value: null, problem: "无法识别的日期：2026-10-08 25:00" });
    expect(parseDate("2026-10/08")).toEqual({ value: null, problem: "无法识别的日期：2026-10/08" });
    expect(parseDate("详见行政处罚决定书第三页所载日期以及其他说明")).toEqual({
      value: null, problem: "无法识别的日期：详见行政处罚决定书第三页所载日期以及其他",
    });
  });
});

describe("parseChineseNumber", () => {
  it("reads capital and ordinary numerals", () => {
    const cases: [string, number][] = [
      ["零", 0], ["十", 10], ["十五", 15], ["二十", 20], ["一百零五", 105], ["一千零五十", 1050], ["两千", 2000],
      ["贰仟", 2000], ["壹万贰仟伍佰", 12500], ["叁拾万", 300000], ["一亿二千万", 120000000],
      ["一亿零五万", 100050000], ["二〇二六", 2026], ["三万五", 35000], ["一千五", 1500], ["一千零五", 1005],
      ["3万5千", 35000], ["1.2亿", 120000000], ["1.1万", 11000], ["一点五万", 15000], ["百万", 1000000],
      ["2000", 2000], ["1亿2000万", 120000000],
    ];
    for (const [s, n] of cases) expect(parseChineseNumber(s), s).toBe(n);
  });

  it("rejects what is not a number", () => {
    for (const s of ["", "万", "亿", "见决定书", "十十", "百千", "二三百", "一千五零", "3五", "1.2.3", "-5", "两两", "2 000"]) {
      expect(parseChineseNumber(s), s).toBeNull();
    }
  });
});

describe("parseAmountWan", () => {
  it("takes a plain number as 万元", () => {
    expect(parseAmountWan("0.2")).toEqual({ value: 0.2 });
    expect(parseAmountWan("2,000")).toEqual({ value: 2000 });
    expect(parseAmountWan("1,234,567.89")).toEqual({ value: 1234567.89 });
    expect(parseAmountWan("２０００")).toEqual({ value: 2000 });
    expect(parseAmountWan("0")).toEqual({ value: 0 });
    expect(parseAmountWan("0.00")).toEqual({ value: 0 });
  });

  it("converts yuan to 万元", () => {
    for (const cell of [
      "2000元", "2000.00 元", "¥2000", "￥2,000元", "人民币2000元", "罚款2000元", "２０００元", "罚款人民币2000元整",
      "贰仟元整", "人民币贰仟元", "处罚款2000元", "2000元人民币", "\u200b2000\u00a0元",
    ]) {
      expect(parseAmountWan(cell), cell).toEqual({ value: 0.2 });
    }
    expect(parseAmountWan("人民币壹万贰仟伍佰元")).toEqual({ value: 1.25 });
    expect(parseAmountWan("壹佰元零伍分")).toEqual({ value: 0.010005 });
    expect(parseAmountWan("2000元5角")).toEqual({ value: 0.20005 });
    expect(parseAmountWan("0元")).toEqual({ value: 0 });
  });

  it("reads 万 and 亿 units", () => {
    expect(parseAmountWan("0.5万元")).toEqual({ value: 0.5 });
    expect(parseAmountWan("0.5万")).toEqual({ value: 0.5 });
    expect(parseAmountWan("1.2亿元")).toEqual({ value: 12000 });
    expect(parseAmountWan("3万5千元")).toEqual({ value: 3.5 });
    expect(parseAmountWan("三万五千元")).toEqual({ value: 3.5 });
    expect(parseAmountWan("1,200万元")).toEqual({ value: 1200 });
    expect(parseAmountWan("5千元")).toEqual({ value: 0.5 });
  });

  it("rounds to 6 decimals", () => {
    expect(parseAmountWan("0.30000000000000004")).toEqual({ value: 0.3 });
    expect(parseAmountWan("12345.67元")).toEqual({ value: 1.234567 });
    expect(parseAmountWan("1.1万元")).toEqual({ value: 1.1 });
  });

  it("maps empty markers to null", () => {
    for (const cell of ["", "— —", "-", "/", "无", "N/A"]) expect(parseAmountWan(cell), cell).toEqual({ value: null });
  });

  it("reports negative amounts", () => {
    expect(parseAmountWan("-2000元")).toEqual({ value: null, problem: "金额不能为负数：-2000元" });
    expect(parseAmountWan("-0.5")).toEqual({ value: null, problem: "金额不能为负数：-0.5" });
    expect(parseAmountWan("负贰仟元")).toEqual({ value: null, problem: "金额不能为负数：负贰仟元" });
  });

  it("reports text it cannot read as one amount", () => {
    for (const cell of ["见决定书", "罚款", "2000元(已缴)", "罚款2000元,没收违法所得500元", "2 000", "2 000元", "1,5", "约2000元", "$2000"]) {
      expect(parseAmountWan(cell), cell).toEqual({ value: null, problem: `无法识别的金额：${cell}` });
    }
    expect(parseAmountWan("贰")).toEqual({ value: null, problem: "金额缺少单位：贰" });
    expect(parseAmountWan("#VALUE!")).toEqual({ value: null, problem: "Excel 错误值：#VALUE!" });
  });
});

describe("absurd amounts", () => {
  it("are a problem, not a stored figure", () => {
    expect(parseAmountWan("1e308").problem).toBe("金额过大：1e308");
    expect(parseAmountWan("100000000").problem).toBe("金额过大：100000000");
    expect(parseAmountWan("99999999").value).toBe(99999999);
  });
});
