import { describe, expect, it } from "vitest";
import type { Role } from "@/db/schema";
import { canSeeDepartment, canSeeUnit, canWrite, homePath, isOffice, roleIs, safeNextPath, seesWholeCity } from "./scope";
import type { Viewer } from "./viewer";

function viewer(role: Role, scope: { departmentId?: number; districtId?: number } = {}): Viewer {
  return {
    userId: 1, tokenId: null, username: "u", displayName: "某人", role, sessionId: "s", address: "127.0.0.1",
    departmentId: scope.departmentId ?? null, districtId: scope.districtId ?? null,
  };
}

const leader = viewer("leader");
const office = viewer("office");
const samr = viewer("department", { departmentId: 7 });
const district = viewer("district", { districtId: 10 });

const city = { id: 1, level: "city", parentId: null };
const ownDistrict = { id: 10, level: "district", parentId: 1 };
const otherDistrict = { id: 20, level: "district", parentId: 1 };
const ownTown = { id: 11, level: "town", parentId: 10 };
const otherTown = { id: 21, level: "town", parentId: 20 };

describe("role predicates", () => {
  it("lets everyone but 领导 write, and only 信用办 administer", () => {
    expect([leader, office, samr, district].map(canWrite)).toEqual([false, true, true, true]);
    expect([leader, office, samr, district].map(isOffice)).toEqual([false, true, false, false]);
    expect([leader, office, samr, district].map(seesWholeCity)).toEqual([true, true, false, false]);
    expect(roleIs(samr, "office", "department")).toBe(true);
    expect(roleIs(leader, "office", "department")).toBe(false);
  });
});

describe("canSeeDepartment", () => {
  it("shows every department to 领导 and 信用办", () => {
    for (const v of [leader, office]) {
      expect(canSeeDepartment(v, 7)).toBe(true);
      expect(canSeeDepartment(v, 8)).toBe(true);
    }
  });

  it("shows a 部门 only its own department", () => {
    expect(canSeeDepartment(samr, 7)).toBe(true);
    expect(canSeeDepartment(samr, 8)).toBe(false);
  });

  it("shows a 区县 no department, and a 部门 without a department none", () => {
    expect(canSeeDepartment(district, 7)).toBe(false);
    expect(canSeeDepartment(viewer("department"), 7)).toBe(false);
  });
});

describe("canSeeUnit", () => {
  it("shows every unit to 领导 and 信用办", () => {
    for (const v of [leader, office]) for (const u of [city, ownDistrict, otherDistrict, ownTown, otherTown]) expect(canSeeUnit(v, u)).toBe(true);
  });

  it("shows a 区县 its district and that district's towns only", () => {
    expect(canSeeUnit(district, ownDistrict)).toBe(true);
    expect(canSeeUnit(district, ownTown)).toBe(true);
    expect(canSeeUnit(district, otherDistrict)).toBe(false);
    expect(canSeeUnit(district, otherTown)).toBe(false);
    expect(canSeeUnit(district, city)).toBe(false);
    // A district whose id happens to equal the district's as a parent is not a town of it.
    expect(canSeeUnit(district, { id: 99, level: "district", parentId: 10 })).toBe(false);
  });

  it("shows a 部门 every unit's figures", () => {
    for (const u of [city, ownDistrict, otherDistrict, ownTown, otherTown]) expect(canSeeUnit(samr, u)).toBe(true);
  });
});

describe("homePath", () => {
  it("lands a 部门 on its department, a 区县 on its district, others on the overview", () => {
    expect(homePath(samr)).toBe("/departments/7");
    expect(homePath(district, "339801")).toBe("/districts/339801");
    expect(homePath(district)).toBe("/");
    expect(homePath(district, null)).toBe("/");
    expect(homePath(leader)).toBe("/");
    expect(homePath(office, "339801")).toBe("/");
    expect(homePath(viewer("department"))).toBe("/");
  });
});

describe("safeNextPath", () => {
  it("keeps a path of this site", () => {
    for (const path of ["/", "/rankings", "/districts/339801?month=2026-10", "/tasks#t3", "/departments/7/"]) expect(safeNextPath(path)).toBe(path);
  });

  it("refuses what is not a string or not a path", () => {
    for (const value of [null, undefined, 3, {}, ["/"], "", "rankings", "https://evil.com", "http://evil.com/", "javascript:alert(1)", " /rankings"]) {
      expect(safeNextPath(value), JSON.stringify(value)).toBeNull();
    }
  });

  it("refuses protocol-relative and backslash addresses", () => {
    for (const value of ["//evil.com", "//evil.com/path", "///evil.com", "/\\evil.com", "/\\\\evil.com"]) expect(safeNextPath(value), value).toBeNull();
  });

  it("refuses the sign-in page itself, so signing in never loops", () => {
    for (const value of ["/login", "/login?next=/login", "/login/", "/login?next=%2F"]) expect(safeNextPath(value), value).toBeNull();
  });

  it("refuses very long paths", () => {
    expect(safeNextPath(`/${"a".repeat(600)}`)).toBeNull();
  });

  // The sign-in route answers with `new URL(next, origin)` as its Location. The URL parser drops tabs and
  // newlines anywhere in the input and reads a backslash as a slash, so these all become `//evil.com`.
  it("never lets a path it accepts resolve to another site", () => {
    const origin = "https://credit.example.gov.cn";
    const attempts = [
      "/\t/evil.com", "/\n/evil.com", "/\r/evil.com", "/\t\\evil.com", "/\t\t//evil.com", "\t//evil.com", "/%09/evil.com", "/.//evil.com", "/ //evil.com",
    ];
    const escaping = attempts.filter((attempt) => {
      const accepted = safeNextPath(attempt);
      return accepted !== null && new URL(accepted, origin).origin !== origin;
    });
    expect(escaping).toEqual([]);
  });
});
