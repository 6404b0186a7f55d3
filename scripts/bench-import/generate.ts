import { createWriteStream } from "node:fs";
import { once } from "node:events";
import iconv from "iconv-lite";
import { buildUscc } from "@/lib/uscc";
import { Random } from "@/lib/demo/random";

/** The national headers of a 行政处罚 export, in the standard's order, plus the export-time column systems add. */
export const PENALTY_HEADER = ["行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)", "法定代表人", "证件类型", "证件号码", "行政处罚决定书文号",
  "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额(万元)", "处罚决定日期", "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "导出时间"];

export interface PenaltyFileSpec {
  path: string;
  rows: number;
  /** Share of rows that cannot be stored (no document number, an impossible date). */
  badShare: number;
  /** Codes of registered bodies to use as subjects. */
  codes: string[];
  months: string[];
  seed?: number;
}

const AUTHORITY = "示范市市场监督管理局";
const AUTHORITY_CODE = buildUscc("1", "1", "339900", "MB000001");
const KINDS = ["警告", "罚款", "罚款;没收违法所得", "警告;罚款"];

/** Writes a GB18030 CSV as departments' systems export it, streaming, with `badShare` of its rows unusable. */
export async function writePenaltyFile(spec: PenaltyFileSpec): Promise<void> {
  const random = new Random(spec.seed ?? 12_026);
  const out = createWriteStream(spec.path);
  const lines: string[] = [PENALTY_HEADER.join(",")];
  const flush = async () => {
    if (!out.write(iconv.encode(`${lines.join("\r\n")}\r\n`, "gb18030"))) await once(out, "drain");
    lines.length = 0;
  };
  for (let i = 1; i <= spec.rows; i++) {
    const month = spec.months[Math.floor(random.next() * spec.months.length)]!;
    const day = String(1 + Math.floor(random.next() * 28)).padStart(2, "0");
    const bad = random.next() < spec.badShare;
    const doc = bad && i % 2 === 0 ? "" : `示市监罚〔${month.slice(0, 4)}〕${i}号`;
    const date = bad && i % 2 === 1 ? `${month}-3${i % 9}` : `${month}-${day}`;
    const natural = random.next() < 0.1;
    const fine = (1 + Math.floor(random.next() * 500)) * 100;
    lines.push([
      natural ? `自然人${i}` : `示范市第${i}商贸有限公司`, natural ? "自然人" : "法人及非法人组织",
      natural ? "" : spec.codes[Math.floor(random.next() * spec.codes.length)]!, natural ? "" : "张三",
      natural ? "身份证" : "", natural ? "3399021990********" : "", doc, "虚假宣传", `"当事人在经营活动中发布虚假广告，第${i}号案件"`,
      "《中华人民共和国广告法》第五十五条", KINDS[i % KINDS.length]!, `罚款${fine}元`, `${fine}元`, date, AUTHORITY, AUTHORITY_CODE, AUTHORITY, AUTHORITY_CODE,
      "2026-11-20 08:00:00",
    ].join(","));
    if (lines.length >= 5_000) await flush();
  }
  await flush();
  out.end();
  await once(out, "finish");
}
