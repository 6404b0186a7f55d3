import type { ColumnSpec, Layout } from "./types";

// The national 双公示 exchange format (../shared/domain/sgs-exchange-format.md): Chinese headers or the
// standard's codes, plus the 2016 layout's names. `P` is CF (处罚) or XK (许可).
function subjectColumns(p: "CF" | "XK"): ColumnSpec[] {
  const legalRep = p === "CF" ? "CF_FRDB" : "XK_FRDB";
  return [
    { field: "subjectName", header: "行政相对人名称", code: `${p}_XDR_MC`, aliases: ["相对人名称", "当事人名称"], kind: "text", required: true, example: "示范市某某商贸有限公司" },
    { field: "subjectKind", header: "行政相对人类别", code: `${p}_XDR_LB`, aliases: ["相对人类别"], kind: "text", required: true, note: "法人及非法人组织、自然人或个体工商户", example: "法人及非法人组织" },
    { field: "subjectCode", header: "行政相对人代码_1(统一社会信用代码)", code: `${p}_XDR_SHXYM`, aliases: ["统一社会信用代码", "行政相对人代码_1", "行政相对人统一社会信用代码"], kind: "code", required: true, note: "18位；法人及非法人组织、个体工商户必填", example: "91339900MA2XXXXX0X" },
    { field: "registrationNumber", header: "行政相对人代码_2(工商注册号)", code: `${p}_XDR_GSZC`, aliases: ["工商注册号", "行政相对人代码_2"], kind: "code", notStored: true, example: "" },
    { field: "organizationCode", header: "行政相对人代码_3(组织机构代码)", code: `${p}_XDR_ZZJG`, aliases: ["组织机构代码", "行政相对人代码_3"], kind: "code", notStored: true, example: "" },
    { field: "taxNumber", header: "行政相对人代码_4(税务登记号)", code: `${p}_XDR_SWDJ`, aliases: ["税务登记号", "行政相对人代码_4"], kind: "code", notStored: true, example: "" },
    { field: "institutionNumber", header: "行政相对人代码_5(事业单位证书号)", code: `${p}_XDR_SYDW`, aliases: ["事业单位证书号", "行政相对人代码_5"], kind: "code", notStored: true, example: "" },
    { field: "socialOrgNumber", header: "行政相对人代码_6(社会组织登记证号)", code: `${p}_XDR_SHZZ`, aliases: ["社会组织登记证号", "行政相对人代码_6"], kind: "code", notStored: true, example: "" },
    { field: "legalRepresentative", header: "法定代表人", code: legalRep, legacy: ["法定代表人姓名"], kind: "text", note: "法人及非法人组织必填", example: "张三" },
    { field: "legalRepIdType", header: "法定代表人证件类型", code: `${p}_FR_ZJLX`, kind: "text", notStored: true, example: "身份证" },
    { field: "legalRepIdNumber", header: "法定代表人证件号码", code: `${p}_FR_ZJHM`, aliases: [`${p}_FR_SFZH`, "法定代表人身份证号"], kind: "code", notStored: true, example: "" },
    { field: "idType", header: "证件类型", code: `${p}_XDR_ZJLX`, kind: "text", note: "自然人必填", example: "" },
    { field: "idNumber", header: "证件号码", code: `${p}_XDR_ZJHM`, kind: "code", note: "自然人必填", example: "" },
  ];
}

const tail: ColumnSpec[] = [
  { field: "remarks", header: "备注", code: "BZ", kind: "text", notStored: true, example: "" },
  { field: "reportedDate", header: "上报日期", aliases: ["公示日期", "报送日期"], kind: "date", note: "可不填：不填时以导入日期为上报日期，更正重报的记录保留首次上报日期", example: "2026-10-12" },
];

export const SGS_PENALTY_LAYOUT: Layout = {
  dataset: "sgs-penalty",
  label: "双公示·行政处罚",
  description: "部门的行政处罚决定记录，按国家双公示数据标准的列（中文列名或 CF_ 代码均可）。",
  keyFields: ["docNumber", "decisionDate"],
  knownIgnored: ["处罚名称", "当前状态", "地方编码", "数据更新时间戳"],
  columns: [
    ...subjectColumns("CF"),
    { field: "docNumber", header: "行政处罚决定书文号", code: "CF_WSH", aliases: ["处罚决定书文号", "决定书文号", "决定文书号"], kind: "text", required: true, rejectNote: "无法确定是哪一条记录", note: "与处罚机关一起确定一条记录", example: "示市监处罚〔2026〕12号" },
    { field: "violationType", header: "违法行为类型", code: "CF_WFXW", kind: "text", required: true, example: "虚假宣传" },
    { field: "violationFacts", header: "违法事实", code: "CF_SY", legacy: ["处罚事由"], kind: "text", required: true, example: "当事人在其网店发布虚假广告……" },
    { field: "legalBasis", header: "处罚依据", code: "CF_YJ", kind: "text", required: true, example: "《中华人民共和国广告法》第五十五条" },
    { field: "penaltyKind", header: "处罚类别", code: "CF_CFLB", legacy: ["处罚类别1", "处罚类别2"], joins: true, kind: "text", required: true, note: "警告、通报批评、罚款、没收违法所得……多项用分号隔开", example: "罚款" },
    { field: "penaltyContent", header: "处罚内容", code: "CF_NR", legacy: ["处罚结果"], kind: "text", required: true, example: "罚款人民币贰万元整" },
    { field: "fineAmountWan", header: "罚款金额(万元)", code: "CF_NR_FK", aliases: ["罚款金额"], kind: "amountWan", note: "单位万元；处罚类别含罚款时必填", example: "2" },
    { field: "confiscatedWan", header: "没收违法所得、没收非法财物的金额(万元)", code: "CF_NR_WFFF", aliases: ["没收金额"], kind: "amountWan", notStored: true, example: "" },
    { field: "licenceSuspended", header: "暂扣或吊销证照名称及编号", code: "CF_NR_ZKDX", kind: "text", notStored: true, example: "" },
    { field: "decisionDate", header: "处罚决定日期", code: "CF_JDRQ", aliases: ["决定日期"], kind: "date", required: true, rejectNote: "无法确定决定日期", example: "2026-10-08" },
    { field: "penaltyValidUntil", header: "处罚有效期", code: "CF_YXQ", kind: "dateOrLongTerm", notStored: true, example: "" },
    { field: "publicUntil", header: "公示截止期", code: "CF_GSJZQ", kind: "dateOrLongTerm", notStored: true, example: "2029-10-08" },
    { field: "authorityName", header: "处罚机关", code: "CF_CFJG", kind: "text", required: true, example: "示范市市场监督管理局" },
    { field: "authorityCode", header: "处罚机关统一社会信用代码", code: "CF_CFJGDM", kind: "code", required: true, example: "11339900MB0000000X" },
    { field: "sourceName", header: "数据来源单位", code: "CF_SJLY", kind: "text", required: true, notStored: true, example: "示范市市场监督管理局" },
    { field: "sourceCode", header: "数据来源单位统一社会信用代码", code: "CF_SJLYDM", kind: "code", required: true, notStored: true, example: "11339900MB0000000X" },
    ...tail,
  ],
};

export const SGS_LICENSE_LAYOUT: Layout = {
  dataset: "sgs-license",
  label: "双公示·行政许可",
  description: "部门的行政许可决定记录，按国家双公示数据标准的列（中文列名或 XK_ 代码均可）。",
  keyFields: ["docNumber", "decisionDate"],
  knownIgnored: ["地方编码", "数据更新时间戳"],
  columns: [
    ...subjectColumns("XK"),
    { field: "docName", header: "行政许可决定文书名称", code: "XK_XKWS", aliases: ["决定文书名称"], legacy: ["项目名称"], kind: "text", required: true, notStored: true, example: "食品经营许可决定书" },
    { field: "docNumber", header: "行政许可决定文书号", code: "XK_WSH", aliases: ["许可决定书文号", "决定文书号", "许可文书号"], kind: "text", required: true, rejectNote: "无法确定是哪一条记录", note: "与许可机关一起确定一条记录", example: "示市监许〔2026〕88号" },
    { field: "licenseType", header: "许可类别", code: "XK_XKLB", legacy: ["审批类别"], kind: "text", required: true, note: "普通、特许、认可、核准、登记或其他", example: "普通" },
    { field: "certificateName", header: "许可证书名称", code: "XK_XKZS", kind: "text", notStored: true, example: "食品经营许可证" },
    { field: "certificateNumber", header: "许可编号", code: "XK_XKBH", kind: "text", notStored: true, example: "JY13399000012345" },
    { field: "licenseContent", header: "许可内容", code: "XK_NR", kind: "text", required: true, example: "预包装食品销售" },
    { field: "decisionDate", header: "许可决定日期", code: "XK_JDRQ", aliases: ["决定日期"], kind: "date", required: true, rejectNote: "无法确定决定日期", example: "2026-10-08" },
    { field: "validFrom", header: "有效期自", code: "XK_YXQZ", kind: "date", keepUnreadable: true, required: true, example: "2026-10-08" },
    { field: "validTo", header: "有效期至", code: "XK_YXQZI", legacy: ["许可截止期"], kind: "dateOrLongTerm", keepUnreadable: true, required: true, note: "长期有效写“长期”", example: "2031-10-07" },
    { field: "authorityName", header: "许可机关", code: "XK_XKJG", kind: "text", required: true, example: "示范市市场监督管理局" },
    { field: "authorityCode", header: "许可机关统一社会信用代码", code: "XK_XKJGDM", kind: "code", required: true, example: "11339900MB0000000X" },
    { field: "licenseStatus", header: "当前状态", code: "XK_ZT", kind: "text", notStored: true, example: "有效" },
    { field: "sourceName", header: "数据来源单位", code: "XK_LYDW", kind: "text", required: true, notStored: true, example: "示范市市场监督管理局" },
    { field: "sourceCode", header: "数据来源单位统一社会信用代码", code: "XK_LYDWDM", kind: "code", required: true, notStored: true, example: "11339900MB0000000X" },
    ...tail,
  ],
};
