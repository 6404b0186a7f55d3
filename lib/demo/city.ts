/**
 * 示范市: the fictional city the product ships with. Division codes sit under the real province
 * prefix 33 but in a city slot (3399) no real city uses, so no code can be mistaken for a real place.
 * `quality` (0–1) is how well a district keeps its records at the start of the history, `trend` how much
 * that changes over the whole history: some districts improve, some slide, so rankings move.
 */
export const DEMO_CITY = { code: "339900", name: "示范市" } as const;

export interface DemoDistrict {
  code: string;
  name: string;
  kind: "administrative" | "functional";
  share: number;
  quality: number;
  trend: number;
  towns: readonly string[];
}

export const DEMO_DISTRICTS: readonly DemoDistrict[] = [
  { code: "339902", name: "城关区", kind: "administrative", share: 0.17, quality: 0.82, trend: 0.08,
    towns: ["东大街街道", "西大街街道", "鼓楼街道", "府前街道", "火车站街道", "文化路街道"] },
  { code: "339903", name: "东湖区", kind: "administrative", share: 0.13, quality: 0.7, trend: 0.22,
    towns: ["湖滨街道", "东湖街道", "望湖街道", "金桥镇", "柳岸镇"] },
  { code: "339904", name: "西山区", kind: "administrative", share: 0.1, quality: 0.78, trend: -0.3,
    towns: ["西山街道", "枫林街道", "石门镇", "青峰镇", "松岭镇"] },
  { code: "339905", name: "南江区", kind: "administrative", share: 0.09, quality: 0.6, trend: 0.12,
    towns: ["南江街道", "滨江街道", "白沙镇", "沙洲镇"] },
  { code: "339906", name: "北塘区", kind: "administrative", share: 0.08, quality: 0.74, trend: -0.12,
    towns: ["北塘街道", "新河街道", "塘口镇", "芦花镇"] },
  { code: "339921", name: "清河县", kind: "administrative", share: 0.09, quality: 0.52, trend: 0.3,
    towns: ["清河镇", "双桥镇", "杨柳镇", "红星乡", "小溪乡"] },
  { code: "339922", name: "云岭县", kind: "administrative", share: 0.07, quality: 0.68, trend: -0.2,
    towns: ["云岭镇", "雾山镇", "茶园乡", "竹坪乡"] },
  { code: "339981", name: "临溪市", kind: "administrative", share: 0.11, quality: 0.76, trend: 0.05,
    towns: ["临溪街道", "溪东街道", "溪西街道", "长乐镇", "永安镇"] },
  { code: "339971", name: "示范高新区", kind: "functional", share: 0.09, quality: 0.9, trend: -0.04,
    towns: ["创新街道", "智谷街道", "科创园街道"] },
  { code: "339972", name: "示范经开区", kind: "functional", share: 0.07, quality: 0.65, trend: 0.18,
    towns: ["开发区街道", "临港街道", "物流园街道"] },
];

/** 9-digit township code (GB/T 10114): district code, then 001–099 for 街道 and 100+ for 镇/乡. */
export function townCode(district: DemoDistrict, index: number): string {
  const name = district.towns[index] ?? "";
  const serial = name.endsWith("街道") ? index + 1 : 100 + index + 1;
  return `${district.code}${String(serial).padStart(3, "0")}`;
}

export interface DemoDepartment {
  code: string;
  name: string;
  shortName: string;
  registersAuthority?: string;
  /** Relative share of the city's 双公示 licensing and penalty decisions, and how careless it is (0–1). */
  licenses?: number;
  penalties?: number;
  carelessness?: number;
}

export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  { code: "ndrc", name: "市发展和改革委员会（市信用办）", shortName: "市发改委" , licenses: 2, carelessness: 0.2 },
  { code: "samr", name: "市市场监督管理局", shortName: "市市场监管局", registersAuthority: "9", licenses: 30, penalties: 30, carelessness: 0.3 },
  { code: "tax", name: "国家税务总局示范市税务局", shortName: "市税务局", penalties: 6, carelessness: 0.2 },
  { code: "court", name: "市中级人民法院", shortName: "市中院" },
  { code: "hrss", name: "市人力资源和社会保障局", shortName: "市人社局", licenses: 3, penalties: 2, carelessness: 0.5 },
  { code: "housing", name: "市住房和城乡建设局", shortName: "市住建局", licenses: 8, penalties: 6, carelessness: 0.7 },
  { code: "transport", name: "市交通运输局", shortName: "市交通运输局", licenses: 10, penalties: 12, carelessness: 0.6 },
  { code: "ecology", name: "市生态环境局", shortName: "市生态环境局", licenses: 4, penalties: 8, carelessness: 0.4 },
  { code: "finance", name: "市金融服务中心", shortName: "市金融服务中心" },
  { code: "justice", name: "市司法局", shortName: "市司法局", licenses: 1, carelessness: 0.3 },
  { code: "staffing", name: "中共示范市委机构编制委员会办公室", shortName: "市委编办", registersAuthority: "1" },
  { code: "civil", name: "市民政局", shortName: "市民政局", registersAuthority: "5", licenses: 2, penalties: 1, carelessness: 0.4 },
  { code: "police", name: "市公安局", shortName: "市公安局", licenses: 6, penalties: 5, carelessness: 0.8 },
  { code: "education", name: "市教育局", shortName: "市教育局", licenses: 3, penalties: 1, carelessness: 0.5 },
  { code: "health", name: "市卫生健康委员会", shortName: "市卫健委", licenses: 6, penalties: 4, carelessness: 0.5 },
  { code: "emergency", name: "市应急管理局", shortName: "市应急局", licenses: 2, penalties: 4, carelessness: 0.6 },
  { code: "natres", name: "市自然资源和规划局", shortName: "市自然资源局", licenses: 5, penalties: 3, carelessness: 0.6 },
  { code: "water", name: "市水利局", shortName: "市水利局", licenses: 2, penalties: 1, carelessness: 0.5 },
  { code: "agri", name: "市农业农村局", shortName: "市农业农村局", licenses: 3, penalties: 2, carelessness: 0.5 },
  { code: "commerce", name: "市商务局", shortName: "市商务局", licenses: 2, penalties: 1, carelessness: 0.4 },
  { code: "culture", name: "市文化广电旅游局", shortName: "市文广旅局", licenses: 3, penalties: 2, carelessness: 0.5 },
  { code: "urban", name: "市城市管理局", shortName: "市城管局", licenses: 3, penalties: 8, carelessness: 0.9 },
  { code: "medsec", name: "市医疗保障局", shortName: "市医保局", penalties: 1, carelessness: 0.4 },
  { code: "approval", name: "市行政审批服务局", shortName: "市审批局", licenses: 14, carelessness: 0.25 },
  { code: "datagov", name: "市大数据管理局", shortName: "市大数据局" },
  { code: "pbc", name: "中国人民银行示范市分行", shortName: "人行示范市分行" },
  { code: "nfra", name: "国家金融监督管理总局示范监管分局", shortName: "示范金融监管分局" },
  { code: "sasac", name: "市人民政府国有资产监督管理委员会", shortName: "市国资委" },
  { code: "industry", name: "市工业和信息化局", shortName: "市工信局" },
  { code: "propaganda", name: "中共示范市委宣传部", shortName: "市委宣传部" },
  { code: "stats", name: "市统计局", shortName: "市统计局" },
];

/** Which department maintains each 严重失信主体名单 kind the demo lists subjects on. */
export const DEMO_LIST_KINDS: readonly { kind: string; department: string; share: number }[] = [
  { kind: "失信被执行人", department: "court", share: 0.55 },
  { kind: "重大税收违法失信主体", department: "tax", share: 0.12 },
  { kind: "严重违法失信名单", department: "samr", share: 0.18 },
  { kind: "拖欠农民工工资失信联合惩戒对象名单", department: "hrss", share: 0.08 },
  { kind: "安全生产严重失信主体名单", department: "emergency", share: 0.04 },
  { kind: "环境违法严重失信名单", department: "ecology", share: 0.03 },
];
