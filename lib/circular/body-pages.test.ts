import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { addMonths, type IsoMonth } from "@/lib/dates";
import { useDemoStore } from "@/tests/support/demo-store";
import { busyMonth } from "./__fixtures__/busy-month";
import { bodyPageCount, missingTools, onOneLine, openInLibreOffice } from "./__fixtures__/libreoffice";
import { circularCharts } from "./chart-svg";
import { BODY_PAGES, buildCircular } from "./content";
import { renderCircularDocx } from "./docx";
import type { CircularFacts } from "./facts";
import { loadCircularFacts } from "./load-facts";
import { getCircularSettings } from "./settings";

const ARTIFACTS = fileURLToPath(new URL("../../artifacts/circular/", import.meta.url));
const squash = (text: string) => text.replace(/\s+/g, "");
const redCount = (f: CircularFacts) => f.warnings.filter((w) => w.kind === "red").length;

/**
 * The issue asks for a body of about three pages for a ten-district city. Measured where it matters — the Word
 * file opened in LibreOffice — on the demo city (ten districts, seeded as `npm run demo` seeds it) in its worst month
 * and in an ordinary one.
 */
describe("the circular's body, laid out", { timeout: 300_000 }, () => {
  let db: Db;
  useDemoStore("circular-pages", { seed: 20_261, entities: 60_000 }, (opened) => (db = opened));

  // The last twelve months by red warnings: the most, and the middle.
  let ranked: Promise<CircularFacts[]> | undefined;
  const byRed = () => (ranked ??= Promise.all(Array.from({ length: 12 }, (_, k) => loadCircularFacts(db, addMonths("2026-10", k - 11) as IsoMonth)))
    .then((all) => all.filter((f): f is CircularFacts => f !== null).sort((a, b) => redCount(b) - redCount(a) || b.warnings.length - a.warnings.length)));

  async function laidOut(f: CircularFacts, draft: boolean, name: string) {
    expect(missingTools(), "LibreOffice/poppler 未安装，请先运行 npm run test:setup").toEqual([]);
    const doc = buildCircular(f, {
      settings: await getCircularSettings(db), documentNumber: draft ? "" : "信用办〔2026〕10号",
      issuedOn: `${addMonths(f.month, 1)}-05`, draft, charts: circularCharts(f),
    });
    const opened = await openInLibreOffice(await renderCircularDocx(doc));
    try {
      const { pages } = opened;
      const body = bodyPageCount(pages);
      console.log(`${name}（${f.month}，红色预警${redCount(f)}项）：正文${body}页，共${pages.length}页`);
      const bodyText = pages.slice(0, body).join("\n");
      const after = pages.slice(body).join("\n");
      mkdirSync(ARTIFACTS, { recursive: true });
      await opened.png(join(ARTIFACTS, `body-${name}`), 1, body + 1);

      expect(body).toBeGreaterThan(0);
      expect(body).toBeLessThanOrEqual(BODY_PAGES);
      // The body ends with the 附件说明 and the 落款; each 附件 opens a page; the 版记 closes the last one.
      expect(squash(bodyText)).toContain("附件：1．各区县综合得分排名");
      expect(squash(bodyText)).toContain(squash(`${doc.issuer}${doc.issuedOn}`));
      doc.attachments.forEach((a, i) => expect(pages.some((p) => squash(p).startsWith(`附件${i + 1}${squash(a.title)}`)), a.title).toBe(true));
      expect(squash(pages.at(-1)!)).toContain("印发");
      // Both charts are pictures with their captions: the trend in the body when it has room, the ranking in 附件1.
      expect(opened.images.length).toBeGreaterThanOrEqual(2);
      expect(squash(after)).toContain("图2");
      expect(squash(`${bodyText}${after}`)).toContain("图1示范市综合得分近12个月走势");
      // No number is broken across lines, in the body or in the 附件 tables.
      const numbers = doc.blocks.flatMap((b) => (b.kind === "paragraph" ? b.text.match(/[\d.]{3,}%?/g) ?? [] : []));
      for (const n of numbers) expect(onOneLine(bodyText, n), n).toBe(true);
      for (const w of f.warnings) for (const value of [w.valueText, w.targetText]) expect(onOneLine(after, value), value).toBe(true);
      return { doc, bodyText };
    } finally {
      opened.close();
    }
  }

  it("keeps the body of the worst month to three pages, with a work plan, 督办 items and late 双公示 added", async () => {
    const [worst] = await byRed();
    const { doc } = await laidOut(busyMonth(worst!), true, "worst");
    expect(doc.blocks.filter((b) => b.kind === "paragraph" && b.text.includes("需重点关注整改")).length).toBeGreaterThan(0);
  });

  it("keeps the body of an ordinary month to three pages, the trend chart in it", async () => {
    const all = await byRed();
    const { bodyText } = await laidOut(all[Math.floor(all.length / 2)]!, false, "ordinary");
    expect(squash(bodyText)).toContain("图1示范市综合得分近12个月走势");
  });
});
