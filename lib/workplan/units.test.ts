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
