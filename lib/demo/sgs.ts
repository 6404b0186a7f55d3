import type { NewSgsRecord, SgsKind } from "@/db/schema";
import { addDays, fromDayNumber } from "@/lib/dates";
import type { Random } from "./random";
import { maskedIdNumber, personName } from "./names";

export interface SgsDepartment {
  id: number;
  code: string;
  name: string;
  abbreviation: string;
  uscc: string;
  carelessness: number;
}

export interface SgsSubject {
  entityId: number | null;
  name: string;
  kind: NewSgsRecord["subjectKind"];
  code: string | null;
  division: string;
  districtId: number;
  townId: number | null;
}

const LICENSE_CONTENT: Record<string, string[]> = {
  samr: ["食品经营许可", "食品生产许可", "特种设备使用登记", "工业产品生产许可"],
  approval: ["建设工程规划许可", "公共场所卫生许可", "人力资源服务许可", "设立登记"],
  transport: ["道路运输经营许可", "道路运输证核发", "出租汽车经营许可"],
  housing: ["建筑工程施工许可", "商品房预售许可", "建筑业企业资质核准"],
};
const VIOLATIONS: Record<string, [string, string][]> = {
  samr: [["销售不符合食品安全标准的食品", "《中华人民共和国食品安全法》第一百二十四条"], ["未按规定公示年度报告", "《企业信息公示暂行条例》第十七条"]],
  ecology: [["超标排放大气污染物", "《中华人民共和国大气污染防治法》第九十九条"], ["未批先建", "《中华人民共和国环境影响评价法》第三十一条"]],
  transport: [["未取得道路运输经营许可擅自从事经营", "《中华人民共和国道路运输条例》第六十三条"], ["车辆超限运输", "《公路安全保护条例》第六十四条"]],
  urban: [["违规设置户外广告", "《城市市容和环境卫生管理条例》第三十六条"], ["擅自占用城市道路", "《城市道路管理条例》第四十二条"]],
};
const GENERIC_VIOLATION: [string, string] = ["违反行业管理规定", "《中华人民共和国行政处罚法》第二十八条"];
const PENALTY_KINDS = ["警告", "罚款", "警告;罚款", "没收违法所得;罚款", "责令停产停业"];

/** Builds one reported 双公示 record; `faulty` plants one of the defects the field rules look for. */
export function buildSgsRecord(
  rng: Random, kind: SgsKind, department: SgsDepartment, subject: SgsSubject,
  decisionDay: number, reportedDay: number, serial: number, faulty: boolean,
): NewSgsRecord {
  const decisionDate = fromDayNumber(decisionDay);
  const year = decisionDate.slice(0, 4);
  const natural = subject.kind === "natural_person";
  const record: NewSgsRecord = {
    kind,
    docNumber: `${department.abbreviation}${kind === "license" ? "许" : "罚"}〔${year}〕${serial}号`,
    subjectName: subject.name,
    subjectKind: subject.kind,
    subjectCode: subject.code,
    legalRepresentative: natural ? null : personName(rng),
    idType: natural ? "身份证" : null,
    idNumber: natural ? maskedIdNumber(rng, subject.division) : null,
    entityId: subject.entityId,
    decisionDate,
    reportedDate: fromDayNumber(reportedDay),
    authorityName: department.name,
    authorityCode: department.uscc,
    departmentId: department.id,
    districtId: subject.districtId,
    townId: subject.townId,
  };
  if (kind === "license") {
    record.licenseType = rng.pick(["普通", "特许", "认可", "核准", "登记"]);
    record.licenseContent = rng.pick(LICENSE_CONTENT[department.code] ?? ["行政许可"]);
    record.validFrom = decisionDate;
    record.validTo = fromDayNumber(decisionDay + 365 * rng.int(1, 5));
  } else {
    const [violation, basis] = rng.pick(VIOLATIONS[department.code] ?? [GENERIC_VIOLATION]);
    const penaltyKind = rng.pick(PENALTY_KINDS);
    record.violationType = violation;
    record.violationFacts = `经查，当事人存在${violation}的行为。`;
    record.legalBasis = basis;
    record.penaltyKind = penaltyKind;
    if (penaltyKind.includes("罚款")) {
      record.fineAmountWan = Math.round(rng.exponential(1.5) * 100 + 5) / 100;
      record.penaltyContent = `${penaltyKind.replace(";", "并处")}人民币${(record.fineAmountWan * 10000).toFixed(0)}元`;
    } else {
      record.penaltyContent = penaltyKind;
    }
  }
  if (faulty) plantDefect(rng, record);
  return record;
}

function plantDefect(rng: Random, record: NewSgsRecord): void {
  switch (rng.int(0, 5)) {
    case 0: record.docNumber = null; break;
    case 1: record.subjectName = null; break;
    case 2:
      if (record.kind === "penalty") record.legalBasis = null;
      else record.validTo = record.validFrom ? addDays(record.validFrom, -365) : null;
      break;
    case 3:
      if (record.subjectCode) record.subjectCode = record.subjectCode.slice(0, 17);
      else record.idNumber = null;
      break;
    case 4:
      if (record.kind === "penalty" && record.fineAmountWan != null) record.fineAmountWan = null;
      else record.authorityCode = null;
      break;
    default: record.authorityName = null;
  }
}
