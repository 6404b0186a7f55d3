/**
 * Government departments go by many names: 市市场监督管理局, 区市场监管局, 市场监管部门. Each family of
 * names maps to one key, so a unit a plan writes finds its department whatever the level or abbreviation.
 */
const FAMILIES: [key: string, pattern: RegExp][] = [
  ["发改", /发展和?改革|发改|信用办|社会信用体系建设领导小组办公室/],
  ["市场监管", /市场监督管理|市场监管|工商局|质监/],
  ["税务", /税务/],
  ["法院", /人民法院|法院|中院/],
  ["人社", /人力资源和?社会保障|人社/],
  ["住建", /住房和?城乡建设|住建|建设局|建委/],
  ["交通", /交通运输|交通局|交通委|交通部门/],
  ["生态环境", /生态环境|环保|环境保护/],
  ["金融服务", /金融服务|金融办|金融工作|地方金融|金融局/],
  ["司法", /司法局|司法行政/],
  ["编办", /机构编制|编办|编委/],
  // Not the 民政 inside 人民政府 (市人民政府国有资产监督管理委员会 is the 国资委).
  ["民政", /(?<!人)民政/],
  ["公安", /公安/],
  ["教育", /教育|教体/],
  ["卫健", /卫生健康|卫健|卫生局|卫计/],
  ["应急", /应急管理|应急局|安监/],
  ["自然资源", /自然资源|国土|规划局/],
  ["水利", /水利|水务/],
  ["农业农村", /农业农村|农业局|农委/],
  ["商务", /商务/],
  ["文旅", /文化广电|文广|文化和旅游|文旅|旅游/],
  ["城管", /城市管理|城管/],
  ["医保", /医疗保障|医保/],
  ["审批", /行政审批|审批局|审批服务/],
  ["大数据", /大数据|数据局|政务服务和数据/],
  ["人行", /人民银行|人行/],
  ["金融监管", /金融监督管理总局|金融监管分局|银保监|银监/],
  ["国资", /国有资产监督管理|国资/],
  ["工信", /工业和信息化|工信|经信/],
  ["宣传", /宣传部/],
  ["统计", /统计局/],
];

/** The family key of a department or unit name, or null when it names none of the known families. */
export function canonicalKey(name: string): string | null {
  for (const [key, pattern] of FAMILIES) if (pattern.test(name)) return key;
  return null;
}

/** Every family a name mentions, in order: 区住建局(交通局) mentions two. */
export function canonicalKeys(name: string): string[] {
  return FAMILIES.filter(([, pattern]) => pattern.test(name)).map(([key]) => key);
}

/** Names that stand for many units at once and always need a person to decide. */
export const GROUP_NAME = /各|成员单位|有关单位|相关部门|行业主管部门|联席会议|等部门|各县|各镇|街道|乡镇/;
