/** One 登记管理部门 (position 1) with its allowed 机构类别 codes (position 2). */
export interface UsccAuthority {
  name: string;
  bodyKinds: ReadonlyMap<string, string>;
}

function authority(name: string, kinds: Record<string, string>): UsccAuthority {
  return { name, bodyKinds: new Map(Object.entries(kinds)) };
}

/**
 * GB 32100-2015 表1 登记管理部门代码和机构类别代码 (as amended: A 军改办, N 农业).
 * Y (其他) has no sub-categories; the standard fixes position 2 to '1'.
 */
export const USCC_AUTHORITIES: ReadonlyMap<string, UsccAuthority> = new Map([
  ["1", authority("机构编制", { "1": "机关", "2": "事业单位", "3": "中央编办直接管理机构编制的群众团体", "9": "其他" })],
  ["2", authority("外交", { "1": "外国常驻新闻机构", "9": "其他" })],
  [
    "3",
    authority("司法行政", {
      "1": "律师执业机构",
      "2": "公证处",
      "3": "基层法律服务所",
      "4": "司法鉴定机构",
      "5": "仲裁委员会",
      "9": "其他",
    }),
  ],
  ["4", authority("文化", { "1": "外国在华文化中心", "9": "其他" })],
  ["5", authority("民政", { "1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他" })],
  [
    "6",
    authority("旅游", {
      "1": "外国旅游部门常驻代表机构",
      "2": "港澳台地区旅游部门常驻内地（大陆）代表机构",
      "9": "其他",
    }),
  ],
  ["7", authority("宗教", { "1": "宗教活动场所", "2": "宗教院校", "9": "其他" })],
  ["8", authority("工会", { "1": "基层工会", "9": "其他" })],
  ["9", authority("工商（市场监管）", { "1": "企业", "2": "个体工商户", "3": "农民专业合作社" })],
  ["A", authority("中央军委改革和编制办公室", { "1": "军队事业单位", "9": "其他" })],
  [
    "N",
    authority("农业", {
      "1": "组级集体经济组织",
      "2": "村级集体经济组织",
      "3": "乡镇级集体经济组织",
      "9": "其他",
    }),
  ],
  ["Y", authority("其他", { "1": "其他" })],
]);

// GB/T 2260 province-level prefixes; 100000 denotes national (中央) registrations.
const PROVINCES = new Uint8Array(100);
for (const [lo, hi] of [[11, 15], [21, 23], [31, 37], [41, 46], [50, 54], [61, 65], [71, 71], [81, 82]] as const) {
  for (let p = lo; p <= hi; p++) PROVINCES[p] = 1;
}
export const NATIONAL_DIVISION = "100000";

export type DivisionProblem = "notDigits" | "province" | null;

/** Checks positions 3–8 (登记管理机关行政区划码); no regex, used by the generator too. */
export function divisionProblem(division6: string): DivisionProblem {
  if (division6.length !== 6) return "notDigits";
  for (let i = 0; i < 6; i++) {
    const c = division6.charCodeAt(i);
    if (c < 48 || c > 57) return "notDigits";
  }
  if (division6 === NATIONAL_DIVISION) return null;
  const prefix = (division6.charCodeAt(0) - 48) * 10 + (division6.charCodeAt(1) - 48);
  return PROVINCES[prefix] === 1 ? null : "province";
}
