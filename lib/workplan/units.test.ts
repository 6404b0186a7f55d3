import { describe, expect, it } from "vitest";
import { findNotes, parseAssignment, splitUnits, unitsOf, withoutUnitGroups } from "./units";

describe("splitUnits", () => {
  it("splits at 、,; and keeps parentheses whole", () => {
    expect(splitUnits("区发改委、各镇(街道),各县(市、区)人民政府;区住建局(交通局)")).toEqual(
      ["区发改委", "各镇(街道)", "各县(市、区)人民政府", "区住建局(交通局)"]);
  });

  it("splits at 和/及/与 only between two units", () => {
    expect(splitUnits("市财政局和市国资委、区民政局及区委编办")).toEqual(["市财政局", "市国资委", "区民政局", "区委编办"]);
    expect(splitUnits("市工业和信息化局、市住房和城乡建设局、公安和司法行政部门")).toEqual(
      ["市工业和信息化局", "市住房和城乡建设局", "公安和司法行政部门"]);
  });

  it("drops a trailing 等 and reads X等Y as X and the collective Y", () => {
    expect(splitUnits("区法院、区税务局等")).toEqual(["区法院", "区税务局"]);
    expect(splitUnits("市工商联等市直相关部门")).toEqual(["市工商联", "市直相关部门"]);
  });

  it("removes duplicates and blanks", () => {
    expect(splitUnits("区发改委、、区发改委,")).toEqual(["区发改委"]);
  });
});

describe("parseAssignment", () => {
  it("reads labelled brackets", () => {
    expect(parseAssignment("牵头单位:市营商局;责任单位:市法院、盘锦海关")).toEqual({ lead: ["市营商局"], units: ["市法院", "盘锦海关"] });
    expect(parseAssignment("主责部门:区税务局;配合部门:区财政局")).toEqual({ lead: ["区税务局"], units: ["区财政局"] });
  });

  it("reads (…负责), (…牵头,…负责) and (…牵头,…配合)", () => {
    expect(parseAssignment("市法院负责")).toEqual({ lead: [], units: ["市法院"] });
    expect(parseAssignment("由市发改委负责")).toEqual({ lead: [], units: ["市发改委"] });
    expect(parseAssignment("市发改委牵头,市财政局、市税务局负责")).toEqual({ lead: ["市发改委"], units: ["市财政局", "市税务局"] });
    expect(parseAssignment("市信用办牵头")).toEqual({ lead: ["市信用办"], units: [] });
    expect(parseAssignment("各区县政府负责落实")).toEqual({ lead: [], units: ["各区县政府"] });
  });

  it("ignores brackets that assign nobody", () => {
    for (const s of ["二期", "街道", "由市人民银行评分", "从法院取数或银行机构统计", "2022年版", "要明确专人负责"]) {
      expect(parseAssignment(s), s).toBeNull();
    }
  });
});

describe("unitsOf", () => {
  it("unions several brackets in order", () => {
    const text = "做好工作。[牵头单位:区发改委][责任单位:区法院]【责任单位:区法院、区税务局】";
    expect(unitsOf(text)).toEqual({ lead: ["区发改委"], units: ["区法院", "区税务局"] });
    expect(withoutUnitGroups(text)).toBe("做好工作。");
  });

  it("reads a bare 责任单位: line when no bracket names units", () => {
    expect(unitsOf("做好工作。\n责任单位:区发改委、区财政局。")).toEqual({ lead: [], units: ["区发改委", "区财政局"] });
  });

  it("leaves a bracket holding a document number alone", () => {
    expect(unitsOf("〔《方案》(盘信办发〔2018〕31号)明确的19个领域〕").units).toEqual([]);
  });
});

describe("findNotes", () => {
  it("reads 以下均需…落实,不再列出 and the units it names", () => {
    expect(findNotes("(以下各项工作均需各县(市、区)人民政府、开发区管委会负责落实,不再一一列出)")).toEqual([
      { note: "以下各项工作均需各县(市、区)人民政府、开发区管委会负责落实,不再一一列出", units: ["各县(市、区)人民政府", "开发区管委会"] },
    ]);
  });
});

describe("unit forms as offices write them", () => {
  // [as written, lead, responsible]
  const FORMS: [string, string[], string[]][] = [
    ["做好工作。〔责任单位:区发改委、区财政局〕", [], ["区发改委", "区财政局"]],
    ["做好工作。〔责任单位：区发改委，区财政局〕", [], ["区发改委", "区财政局"]],
    ["做好工作。(牵头单位:市营商局;责任单位:市法院、盘锦海关)", ["市营商局"], ["市法院", "盘锦海关"]],
    ["做好工作。（牵头单位：市营商局；责任单位：市法院、盘锦海关）", ["市营商局"], ["市法院", "盘锦海关"]],
    // Spaces dropped between a unit and the next label: the colon still tells the label.
    ["做好工作。(牵头单位:市发改委责任单位:市财政局)", ["市发改委"], ["市财政局"]],
    ["做好工作。【牵头部门:区税务局】【配合部门:区财政局】", ["区税务局"], ["区财政局"]],
    ["做好工作。(市发改委牵头,市财政局、市税务局负责)", ["市发改委"], ["市财政局", "市税务局"]],
    ["做好工作。（市发改委牵头，市财政局负责）", ["市发改委"], ["市财政局"]],
    ["做好工作。(市发改委牵头、市财政局配合)", ["市发改委"], ["市财政局"]],
    ["做好工作。(市发改委、市信用办牵头负责)", ["市发改委", "市信用办"], []],
    ["做好工作。(市法院负责)", [], ["市法院"]],
    ["做好工作。(由市发改委负责)", [], ["市发改委"]],
    ["做好工作。(市发改委为牵头单位,市财政局为责任单位)", ["市发改委"], ["市财政局"]],
    ["做好工作。(市发改委牵头,市财政局、市税务局)", ["市发改委"], ["市财政局", "市税务局"]],
    ["做好工作。〔责任单位:区发改委(牵头)、区财政局〕", ["区发改委"], ["区财政局"]],
    ["做好工作。〔责任单位:区发改委、区财政局(列第一位的为牵头单位)〕", ["区发改委"], ["区财政局"]],
    ["做好工作。〔责任单位:区发改委;完成时限:2023年6月底前〕", [], ["区发改委"]],
    // Names without the city's prefix are kept as written, for the match or a person.
    ["做好工作。(人行上街支行负责)", [], ["人行上街支行"]],
    ["做好工作。〔责任单位:人行上街分行、县直有关部门、各乡镇场〕", [], ["人行上街分行", "县直有关部门", "各乡镇场"]],
    ["做好工作。(各县(市、区)负责)", [], ["各县(市、区)"]],
    ["做好工作。（各县（市、区）人民政府负责）", [], ["各县（市、区）人民政府"]],
    ["做好工作。(各乡镇场负责落实)", [], ["各乡镇场"]],
    // A 责任单位 line of its own, even when the text holds other brackets.
    ["做好工作(二期)。\n责任单位:区发改委、区财政局", [], ["区发改委", "区财政局"]],
    ["做好工作。\n牵头单位:区发改委\n责任单位:区财政局。", ["区发改委"], ["区财政局"]],
  ];
  it.each(FORMS)("%s", (text, lead, units) => {
    expect(unitsOf(text)).toEqual({ lead, units });
  });

  // Look-alikes that name nobody.
  const NOBODY = [
    "各责任单位要高度重视,明确专人负责。",
    "做好工作(要明确专人负责)。",
    "落实首问负责制(2022年版)。",
    "按照《办法》(国信用字〔2022〕21号)要求执行。",
    "责任单位要加强协调配合。",
    "做好工作(由市人民银行评分)。",
    "做好工作(各县区要认真落实)。",
    "做好工作(以下任务均需各乡镇人民政府落实,不再列出)。",
  ];
  it.each(NOBODY)("names nobody: %s", (text) => {
    expect(unitsOf(text)).toEqual({ lead: [], units: [] });
  });
});

describe("standing rules", () => {
  const RULES: [string, string[], boolean][] = [
    ["(以下各项工作均需各县(市、区)人民政府、开发区管委会负责落实,不再一一列出)", ["各县(市、区)人民政府", "开发区管委会"], false],
    ["以下均需各县区人民政府落实,不再列出。", ["各县区人民政府"], false],
    ["(各县（市、区）均为责任单位，不再列出)", ["各县（市、区）"], false],
    ["各县(市、区)均为责任单位,不再列出。", ["各县(市、区)"], false],
    ["(以下任务各县区政府均为责任单位,不再单独列出)", ["各县区政府"], false],
    ["(各乡镇场、县直有关部门为各项任务的责任单位,以下不再一一列出)", ["各乡镇场", "县直有关部门"], false],
    ["(以下各项任务均由各县区政府负责)", ["各县区政府"], false],
    ["(列第一位的为牵头单位)", [], true],
  ];
  it.each(RULES)("%s", (text, units, firstLeads) => {
    const notes = findNotes(text);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.units).toEqual(units);
    expect(notes[0]!.firstLeads ?? false).toBe(firstLeads);
  });

  const NOT_RULES = [
    "以下简称“市信用办”。",
    "各县(市、区)均为示范城市创建主体。",
    "以下各项工作要高度重视,不再赘述。",
    "以下所列数据均为2023年数据。",
    "〔责任单位:区发改委、区财政局(列第一位的为牵头单位)〕",
  ];
  it.each(NOT_RULES)("is no rule: %s", (text) => {
    expect(findNotes(text)).toEqual([]);
  });
});
