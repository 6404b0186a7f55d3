import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { write } from "@/lib/write";
import { makeCity, type TestCity } from "@/tests/support/factories";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { addDepartmentAlias, departmentsWithAliases, removeDepartmentAlias, saveDepartment } from "./manage";
import { OFFICE_VIEWER } from "@/tests/support/viewers";

const office: Viewer = OFFICE_VIEWER;

describe("the department list, kept by the office", () => {
  let t: TestDb;
  let city: TestCity;
  beforeEach(async () => {
    t = await createTestDb();
    city = await makeCity(t.db, ["城关区"]);
  });
  afterEach(() => t.cleanup());

  it("adds and renames departments, refusing a code or a name another already has", async () => {
    const added = await write(t.db, office, saveDepartment, { code: "culture", name: "示范市文化广电旅游局", shortName: "市文广旅局" });
    if (!added.ok) throw new Error(added.message);
    expect(await write(t.db, office, saveDepartment, { code: "culture", name: "另一个局", shortName: "另一局" })).toMatchObject({ ok: false, status: 409, message: "代码“culture”已被其他部门使用" });
    expect(await write(t.db, office, saveDepartment, { code: "Bad Code", name: "某局", shortName: "某局" })).toMatchObject({ ok: false, status: 422 });
    expect(await write(t.db, office, saveDepartment, { id: String(added.value.id), code: "culture", name: "示范市文化和旅游局", shortName: "市文旅局" })).toMatchObject({ ok: true });
    const list = await departmentsWithAliases(t.db);
    expect(list.find((d) => d.id === added.value.id)).toMatchObject({ name: "示范市文化和旅游局", shortName: "市文旅局", aliases: [] });
    expect(await write(t.db, { ...office, role: "department", departmentId: city.departmentId }, saveDepartment, { code: "x1", name: "某某局", shortName: "某局" })).toMatchObject({ ok: false, status: 403 });
  });

  it("keeps aliases, never another department's own name", async () => {
    const other = await write(t.db, office, saveDepartment, { code: "tax", name: "国家税务总局示范市税务局", shortName: "市税务局" });
    if (!other.ok) throw new Error(other.message);
    expect(await write(t.db, office, addDepartmentAlias, { departmentId: String(city.departmentId), alias: "测试局本级" })).toMatchObject({ ok: true });
    expect(await write(t.db, office, addDepartmentAlias, { departmentId: String(city.departmentId), alias: "市税务局" })).toMatchObject({ ok: false, status: 409 });
    expect((await departmentsWithAliases(t.db)).find((d) => d.id === city.departmentId)!.aliases).toEqual(["测试局本级"]);
    expect(await write(t.db, office, removeDepartmentAlias, { departmentId: String(city.departmentId), alias: "测试局本级" })).toMatchObject({ ok: true });
    expect(await write(t.db, office, removeDepartmentAlias, { departmentId: String(city.departmentId), alias: "测试局本级" })).toMatchObject({ ok: false, status: 404 });
  });
});
