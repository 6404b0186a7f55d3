import { describe, expect, it } from "vitest";
import { DEMO_DEPARTMENTS } from "@/lib/demo/city";
import { matchUnit } from "./match";

const departments = DEMO_DEPARTMENTS.map((d, i) => ({ id: i + 1, name: d.name, shortName: d.shortName }));
const idOf = (code: string) => DEMO_DEPARTMENTS.findIndex((d) => d.code === code) + 1;

describe("matchUnit", () => {
  it("matches a unit whatever its level prefix or abbreviation", () => {
    expect(matchUnit("区市场监管局", departments)).toMatchObject({ status: "matched", departmentIds: [idOf("samr")] });
    expect(matchUnit("市发展改革委", departments)).toMatchObject({ status: "matched", departmentIds: [idOf("ndrc")] });
    expect(matchUnit("区人社局", departments)).toMatchObject({ status: "matched", departmentIds: [idOf("hrss")] });
    expect(matchUnit("区法院", departments)).toMatchObject({ status: "matched", departmentIds: [idOf("court")] });
    expect(matchUnit("市委编办", departments)).toMatchObject({ status: "matched", departmentIds: [idOf("staffing")] });
    expect(matchUnit("区金融服务中心", departments)).toMatchObject({ status: "matched", departmentIds: [idOf("finance")] });
    expect(matchUnit("市民政局", departments)).toMatchObject({ status: "matched", departmentIds: [idOf("civil")] });
    expect(matchUnit("市国资委", departments)).toMatchObject({ status: "matched", departmentIds: [idOf("sasac")] });
  });

  it("asks a person about names standing for several units, proposing what it can", () => {
    const both = matchUnit("区住建局(交通局)", departments);
    expect(both.status).toBe("several");
    expect(both.departmentIds).toEqual([idOf("housing"), idOf("transport")]);
    expect(matchUnit("各镇(街道)", departments).status).toBe("several");
    expect(matchUnit("区级各行业主管部门", departments).status).toBe("several");
    expect(matchUnit("市社会信用体系建设联席会议成员单位", departments).status).toBe("several");
  });

  it("leaves an unknown unit unmatched with the closest suggestions, and remembers what the office settled", () => {
    const unknown = matchUnit("区科技局", departments);
    expect(unknown.status).toBe("unmatched");
    const settled = new Map([["区科技局", [idOf("industry")]]]);
    expect(matchUnit("区科技局", departments, settled)).toMatchObject({ status: "matched", departmentIds: [idOf("industry")] });
    expect(matchUnit("市市场监督管理局", departments).suggestions[0]?.id).toBe(idOf("samr"));
  });
});
