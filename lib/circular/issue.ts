import { and, desc, eq, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { circulars } from "@/db/schema";
import { todayInChina, type IsoMonth } from "@/lib/dates";
import { rankingChartSvg } from "./chart-svg";
import { buildCircular } from "./content";
import type { CircularDocument } from "./document";
import { renderCircularDocx } from "./docx";
import { loadCircularFacts } from "./load-facts";
import { getCircularSettings } from "./settings";
import { buildCircularWorkbook } from "./workbook";

export interface GeneratedCircular {
  document: CircularDocument;
  docx: Buffer;
  xlsx: Buffer;
}

/** A circular for a month from the current numbers: a draft unless a number and date are given. */
export async function generateCircular(
  db: Db, month: IsoMonth, issue?: { documentNumber: string; issuedOn: string },
): Promise<GeneratedCircular | null> {
  const facts = await loadCircularFacts(db, month);
  if (!facts) return null;
  const settings = await getCircularSettings(db);
  const document = buildCircular(facts, {
    settings, documentNumber: issue?.documentNumber ?? "", issuedOn: issue?.issuedOn ?? todayInChina(), draft: !issue,
    rankingChart: rankingChartSvg(facts.districts.map((d) => ({ name: d.name, score: d.score, rank: d.rank }))),
  });
  const [docx, xlsx] = await Promise.all([renderCircularDocx(document), buildCircularWorkbook(db, facts)]);
  return { document, docx, xlsx };
}

export type IssueResult = { ok: true; id: number; documentNumber: string } | { ok: false; error: string };

/** Issues the month's circular: gives it the next number of the year and freezes its files. */
export async function issueCircular(db: Db, month: IsoMonth, issuedOn = todayInChina()): Promise<IssueResult> {
  const [existing] = await db.select({ id: circulars.id, documentNumber: circulars.documentNumber }).from(circulars).where(eq(circulars.month, month));
  if (existing) return { ok: false, error: `${month}的通报已印发（${existing.documentNumber}），不能重复印发` };
  const year = Number(issuedOn.slice(0, 4));
  const [{ last } = { last: 0 }] = await db.select({ last: max(circulars.sequence) }).from(circulars).where(eq(circulars.year, year));
  const sequence = (last ?? 0) + 1;
  const settings = await getCircularSettings(db);
  const documentNumber = `${settings.documentNumberPrefix}〔${year}〕${sequence}号`;
  const generated = await generateCircular(db, month, { documentNumber, issuedOn });
  if (!generated) return { ok: false, error: `${month}尚无计算好的指标，无法生成通报` };
  const [row] = await db.insert(circulars).values({
    month, year, sequence, documentNumber, title: generated.document.title, issuedOn, docx: generated.docx, xlsx: generated.xlsx,
  }).returning({ id: circulars.id });
  return { ok: true, id: row!.id, documentNumber };
}

export async function listIssuedCirculars(db: Db) {
  return db.select({ id: circulars.id, month: circulars.month, documentNumber: circulars.documentNumber, title: circulars.title, issuedOn: circulars.issuedOn })
    .from(circulars).orderBy(desc(circulars.month));
}

export async function getIssuedFile(db: Db, id: number, kind: "docx" | "xlsx") {
  const [row] = await db.select({ month: circulars.month, title: circulars.title, file: kind === "docx" ? circulars.docx : circulars.xlsx })
    .from(circulars).where(and(eq(circulars.id, id)));
  return row ?? null;
}
