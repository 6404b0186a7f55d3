import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { runCompute } from "@/lib/indicators/compute/run-compute";
import { loadCatalogue, makeCity, makeEntity, makeGovDefaultCase, makeSgsRecord } from "@/tests/support/factories";
import { getDistrictOverview } from "./overview";

let t: TestDb;
beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.cleanup());

describe("getDistrictOverview", () => {
  it("counts bodies, live enterprises, the month's 双公示 records and open cases as of month end", async () => {
    const city = await makeCity(t.db, ["甲区", "乙县"]);
    const [a, b] = city.districts as [(typeof city.districts)[0], (typeof city.districts)[0]];
    await makeEntity(t.db, { districtId: a.id, registeredOn: "2026-10-31" }); // registered on the last day: counts
    await makeEntity(t.db, { districtId: a.id, exitedOn: "2026-10-31" }); // deregistered on the last day: gone
    await makeEntity(t.db, { districtId: a.id, exitedOn: "2026-11-01" }); // still alive at month end
    await makeEntity(t.db, { districtId: a.id, registeredOn: "2026-11-01" }); // not yet registered
    await makeEntity(t.db, { districtId: a.id, kind: "individual_business" }); // a body, not an enterprise
    await makeSgsRecord(t.db, { districtId: a.id, departmentId: city.departmentId, decisionDate: "2026-10-01" });
    await makeSgsRecord(t.db, { districtId: a.id, departmentId: city.departmentId, decisionDate: "2026-10-31" });
    await makeSgsRecord(t.db, { districtId: a.id, departmentId: city.departmentId, decisionDate: "2026-09-30" });
    await makeGovDefaultCase(t.db, { districtId: b.id, openedOn: "2026-03-01", closedOn: "2026-11-05" }); // open at month end
    await makeGovDefaultCase(t.db, { districtId: b.id, openedOn: "2026-03-01", closedOn: "2026-10-31" }); // closed by then
    await makeGovDefaultCase(t.db, { districtId: b.id, openedOn: "2026-11-02" }); // not yet opened

    await loadCatalogue(t.db, "2026-10");
    await runCompute(t.db, t.executor, ["2026-10"]);
    const rows = await getDistrictOverview("2026-10", t.db);

    expect(rows.map((r) => r.name)).toEqual(["甲区", "乙县"]);
    expect(rows[0]).toMatchObject({ entities: 3, liveEnterprises: 2, sgsRecords: 2, openGovDefaultCases: 0 });
    expect(rows[1]).toMatchObject({ entities: 0, liveEnterprises: 0, sgsRecords: 0, openGovDefaultCases: 1 });
  });

  it("returns no rows for an empty store", async () => {
    // A store with districts but nothing computed yet would show zeros; an empty one shows nothing.
    expect(await getDistrictOverview("2026-10", t.db)).toEqual([]);
  });
});
