import type { Random } from "./random";

// Word lists for fictional names; combinations give hundreds of thousands of distinct names.
const TRADE_WORDS = [..."华信恒泰瑞丰嘉和盛兴鼎元宏达远航金诚安顺联创博雅明德永昌汇通天成新源广益正大康宁景福润祥晨阳海川卓越同心佳乐荣鑫"];
const INDUSTRIES = [
  "科技", "商贸", "建筑工程", "餐饮管理", "物流", "电子", "机械制造", "农业开发", "信息技术", "文化传媒",
  "环保科技", "医疗器械", "食品", "纺织", "新材料", "房地产开发", "物业管理", "教育咨询", "汽车服务", "供应链管理",
];
const SHOP_KINDS = ["便利店", "小吃店", "五金店", "理发店", "水果店", "服装店", "家电维修部", "早餐店", "烟酒店", "药店"];
const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"];
const GIVEN = [..."伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兵辉鹏飞婷雪琳浩宇晨欣怡子轩梓涵"];
const PUBLIC_BODIES = ["人民政府", "自然资源所", "财政所", "中心学校", "卫生院", "水利站", "农业技术推广站", "文化站", "市政工程管理处", "城市建设投资集团有限公司"];
const SOCIAL_ORGS = ["商会", "行业协会", "志愿者协会", "慈善基金会", "老年协会", "培训学校", "社会工作服务中心"];

export function tradeName(rng: Random): string {
  return rng.pick(TRADE_WORDS) + rng.pick(TRADE_WORDS);
}

export function enterpriseName(rng: Random, place: string): string {
  return `${place}${tradeName(rng)}${rng.pick(INDUSTRIES)}有限公司`;
}

export function individualBusinessName(rng: Random, place: string): string {
  return `${place}${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.pick(SHOP_KINDS)}`;
}

export function publicBodyName(rng: Random, place: string): string {
  return `${place}${rng.pick(PUBLIC_BODIES)}`;
}

export function socialOrgName(rng: Random, place: string): string {
  return `${place}${tradeName(rng)}${rng.pick(SOCIAL_ORGS)}`;
}

export function personName(rng: Random): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : "");
}

/** A resident ID number masked as 双公示 publishes it: region and last four kept, birth date hidden. */
export function maskedIdNumber(rng: Random, division: string): string {
  return `${division}********${rng.int(0, 999).toString().padStart(3, "0")}${rng.pick([..."0123456789X"])}`;
}
