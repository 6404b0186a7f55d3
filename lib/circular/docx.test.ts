import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
// docx 9 zips with fflate (its own dependency), not JSZip.
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { bodyPageCount, missingTools, onOneLine, openInLibreOffice } from "./__fixtures__/libreoffice";
import type { CircularDocument } from "./document";
import { rankingChart } from "./chart-svg";
import { renderCircularDocx } from "./docx";
import { columnWidths } from "./docx/table";
import { titleLines } from "./docx/title-lines";

const CHART = rankingChart(Array.from({ length: 10 }, (_, i) => ({ name: `第${i + 1}区`, score: 97.5 - i * 2.9, rank: i + 1 })));
const TITLE = "关于2026年10月全市社会信用体系建设监测情况的通报";
const ARTIFACTS = fileURLToPath(new URL("../../artifacts/circular/", import.meta.url));
const DISTRICTS = ["东城区", "西城区", "南湖区", "北山区", "滨江区", "云溪区", "高新区", "经开区", "临川县", "青石县"];
const WARNINGS = [
  "南湖区行政处罚信息双公示上报及时率为82.4%，低于90%的监测底线，予以红色预警。",
  "青石县连续两个月未报送守信激励案例，予以红色预警。",
  "临川县失信被执行人信用修复办结率为61.0%，予以红色预警。",
];

function sample(draft = false): CircularDocument {
  return {
    month: "2026-10",
    title: TITLE,
    documentNumber: "示信办〔2026〕10号",
    addressees: "各区县人民政府（管委会），市有关单位：",
    issuer: "示范市社会信用体系建设领导小组办公室",
    issuedOn: "2026年11月5日",
    draft,
    blocks: [
      { kind: "paragraph", text: "为推动全市社会信用体系建设工作落地见效，市信用办对2026年10月各区县、各部门信用监测指标完成情况进行了统计分析，现将有关情况通报如下。" },
      { kind: "heading1", text: "一、总体情况" },
      { kind: "paragraph", text: "10月，全市双公示信息共归集行政许可信息12,836条、行政处罚信息3,402条，总体上报及时率为96.8%，较上月提高1.2个百分点。信用承诺、信用修复等工作平稳推进。" },
      {
        kind: "chart", ...CHART, caption: "图1　2026年10月各区县综合得分排名",
        alt: "图1为各区县综合得分柱状图：东城区得分最高（97.5分），青石县得分最低（71.2分）。",
      },
      {
        kind: "table",
        caption: "表1  2026年10月各区县信用监测综合得分排名",
        columns: ["排名", "区县", "综合得分", "双公示及时率", "信用修复办结率", "较上月"],
        rows: DISTRICTS.map((name, i) => [String(i + 1), name, (97.5 - i * 2.9).toFixed(1), `${(99.6 - i * 1.9).toFixed(1)}%`, `${(98 - i * 4.1).toFixed(1)}%`, i % 3 === 0 ? "↑1" : "—"]),
        note: "综合得分满分100分，按本通报所附指标体系计算。",
      },
      { kind: "heading1", text: "二、存在的问题" },
      { kind: "heading2", text: "（一）部分区县信息报送不及时" },
      { kind: "paragraph", text: WARNINGS[0]! },
      { kind: "heading2", text: "（二）守信激励和信用修复工作推进不平衡" },
      { kind: "paragraph", text: `${WARNINGS[1]!}${WARNINGS[2]!}请相关区县于11月20日前报送整改情况。` },
      { kind: "heading1", text: "三、下一步工作任务" },
      {
        kind: "table",
        caption: "表2  下一步重点工作任务",
        columns: ["序号", "工作任务", "责任单位", "完成时限"],
        rows: [
          ["1", "开展双公示信息报送质量专项核查", "市信用办、各区县", "2026年11月30日"],
          ["2", "推进信用修复“一网通办”", "市发展改革委", "2026年12月15日"],
          ["3", "完善守信激励案例库", "各区县", "2026年12月31日"],
        ],
      },
      { kind: "heading1", text: "四、有关要求" },
      { kind: "paragraph", text: "各区县、各有关单位要高度重视监测发现的问题，压实工作责任，逐项建立整改台账，确保按期完成整改。被予以红色预警的区县要在下月监测中实现指标回升。" },
    ],
    attachments: [{
      title: "红色、黄色预警明细",
      blocks: [{
        kind: "table", caption: "2026年10月红色、黄色预警明细", columns: ["预警", "单位", "指标", "数值", "目标", "责任单位"],
        rows: DISTRICTS.flatMap((name, i) => [
          ["黄色", name, "统一社会信用代码重错码率", `万分之${(1.1 + i / 10).toFixed(2)}`, "≤万分之1.00", "市市场监管局、市委编办、市民政局"],
          ["红色", name, "双公示上报率", `${(94 - i / 3).toFixed(1)}%`, "≥100.0%", "市市场监管局、市审批局、市交通运输局、市住建局、市城管局"],
        ]),
      }],
    }],
    colophon: { copyTo: "市社会信用体系建设领导小组组长、副组长", printer: "示范市社会信用体系建设领导小组办公室", printedOn: "2026年11月5日" },
  };
}

/** Values of the attachment's table that must each stay on one line of the PDF's text. */
const VALUES = DISTRICTS.flatMap((_, i) => [`万分之${(1.1 + i / 10).toFixed(2)}`, `${(94 - i / 3).toFixed(1)}%`]).concat(["≤万分之1.00", "≥100.0%"]);

const xml = (files: Record<string, Uint8Array>, name: string) => strFromU8(files[name] ?? new Uint8Array());
/** The text of a part's runs, joined: a title broken over two lines is two runs. */
const runText = (part: string) => [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
const squash = (text: string) => text.replace(/\s+/g, "");

describe("renderCircularDocx", () => {
  it("writes a GB/T 9704 page: A4, 37/28 mm margins, 22 × 28 grid, fonts named, odd/even page numbers", async () => {
    const buffer = await renderCircularDocx(sample());
    expect(buffer.subarray(0, 2).toString("latin1")).toBe("PK");
    const files = unzipSync(new Uint8Array(buffer));
    const documentXml = xml(files, "word/document.xml");
    const styles = xml(files, "word/styles.xml");

    expect(runText(documentXml)).toContain(TITLE);
    expect(runText(documentXml)).toContain("示范市社会信用体系建设领导小组办公室文件示信办〔2026〕10号");
    expect(documentXml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(documentXml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(documentXml).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"/>');
    for (const name of ["方正小标宋简体", "黑体", "楷体_GB2312"]) expect(documentXml).toContain(`w:eastAsia="${name}"`);
    expect(documentXml).toContain('w:ascii="Times New Roman"');
    expect(documentXml).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="FF0000"/);
    // Body defaults: 3号 仿宋_GB2312 / Times New Roman, exact 28.95 pt lines, 28 characters a line by tracking.
    expect(styles).toContain('w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('<w:spacing w:val="-5"/><w:sz w:val="32"/>');
    expect(styles).toContain('<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>');
    expect(documentXml).not.toContain("征求意见稿");

    expect(xml(files, "word/settings.xml")).toContain("<w:evenAndOddHeaders/>");
    const footers = Object.keys(files).filter((name) => /^word\/footer\d+\.xml$/.test(name)).map((name) => xml(files, name));
    expect(footers).toHaveLength(2);
    for (const footer of footers) expect(footer).toMatch(/>— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/);
    expect(footers.some((f) => f.includes('<w:ind w:right="280"/><w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:ind w:left="280"/><w:jc w:val="left"/>'))).toBe(true);

    const core = xml(files, "docProps/core.xml");
    expect(core).toContain("<dc:creator>信用监测</dc:creator>");
    expect(core).toContain(`<dc:title>${TITLE}</dc:title>`);
    expect(core).toContain("<dc:description>示信办〔2026〕10号");
  });

  it("marks a draft （征求意见稿）", async () => {
    const files = unzipSync(new Uint8Array(await renderCircularDocx(sample(true))));
    expect(xml(files, "word/document.xml")).toContain("（征求意见稿）");
  });

  it("breaks a long title between words, the first line no longer than the second", () => {
    expect(titleLines(TITLE, 40)).toEqual(["关于2026年10月全市社会", "信用体系建设监测情况的通报"]);
    expect(titleLines("关于表扬先进单位的通报", 40)).toEqual(["关于表扬先进单位的通报"]);
    expect(titleLines("关于A\n的通报", 40)).toEqual(["关于A", "的通报"]);
  });

  it("sizes table columns so short ones stay on one line and all fill the type area", () => {
    const widths = columnWidths(["序号", "工作任务", "完成时限"], [["1", "开展双公示信息报送质量专项核查工作并形成报告报市信用办", "2026年11月30日"]]);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(8845);
    expect(widths[0]).toBe(720); // 序号 keeps its own width; the long task column takes the shortfall
  });

  it("opens in LibreOffice with every district and warning in the text", { timeout: 120_000 }, async () => {
    // A missing tool fails the test rather than skipping it: `npm run test:setup` installs them.
    expect(missingTools(), "LibreOffice/poppler 未安装，请先运行 npm run test:setup").toEqual([]);
    const started = Date.now();
    const opened = await openInLibreOffice(await renderCircularDocx(sample(true)));
    console.log(`LibreOffice docx → pdf: ${Date.now() - started} ms`);
    try {
      const { pages } = opened;
      const text = squash(pages.join(""));
      for (const expected of [TITLE, "示信办〔2026〕10号", "（征求意见稿）", ...DISTRICTS, ...WARNINGS, "2026年11月5日", "—1—", "—2—",
        "附件：1．红色、黄色预警明细", "附件1", "抄送：市社会信用体系建设领导小组组长、副组长。", "2026年11月5日印发"]) {
        expect(text).toContain(squash(expected));
      }
      // The 附件 starts on a page of its own, after the body and its 落款; the 版记 closes the last page.
      const attachmentPage = bodyPageCount(pages);
      expect(attachmentPage).toBeGreaterThan(0);
      expect(attachmentPage).toBeLessThan(pages.length);
      expect(pages.slice(0, attachmentPage).join("")).toContain("领导小组办公室");
      expect(squash(pages.at(-1)!)).toContain("印发");
      // No value in a table cell is broken across lines.
      const attached = pages.slice(attachmentPage).join("\n");
      for (const value of VALUES) expect(onOneLine(attached, value), value).toBe(true);
      // The chart is a picture in the PDF, not words standing in for it.
      expect(opened.images.length).toBeGreaterThanOrEqual(1);
      mkdirSync(ARTIFACTS, { recursive: true });
      await opened.png(join(ARTIFACTS, "page"), 1, 1, 80);
      expect(readFileSync(join(ARTIFACTS, "page-1.png")).subarray(1, 4).toString("latin1")).toBe("PNG");
    } finally {
      opened.close();
    }
  });
});
