import "server-only";
import { randomUUID } from "node:crypto";
import { asc, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { apiTokens, departments, orgUnits, users } from "@/db/schema";

// Reads for the settings pages only (office-only pages; each page checks the role before calling these).

export interface Choice {
  id: number;
  name: string;
}

export async function getDepartmentChoices(): Promise<Choice[]> {
  return getDb().select({ id: departments.id, name: departments.shortName }).from(departments).orderBy(asc(departments.sortOrder), asc(departments.id));
}

export async function getDistrictChoices(): Promise<Choice[]> {
  return getDb().select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.level, "district")).orderBy(asc(orgUnits.sortOrder), asc(orgUnits.id));
}

/** Every account with its scope's name; never the password hash. */
export async function getAccounts() {
  return getDb().select({
    id: users.id, username: users.username, displayName: users.displayName, role: users.role,
    departmentId: users.departmentId, districtId: users.districtId, active: users.active,
    createdAt: users.createdAt, passwordChangedAt: users.passwordChangedAt,
    departmentName: departments.shortName, districtName: orgUnits.name,
  }).from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(orgUnits, eq(orgUnits.id, users.districtId))
    .orderBy(asc(users.role), asc(users.username));
}

export type AccountRow = Awaited<ReturnType<typeof getAccounts>>[number];

/** Every API token, newest first; never the hash. */
export async function getTokens() {
  return getDb().select({
    id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt,
    lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt, departmentName: departments.shortName,
    createdBy: users.displayName,
  }).from(apiTokens)
    .innerJoin(departments, eq(departments.id, apiTokens.departmentId))
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** A form's one-time submission key, rendered by the server into a hidden input. */
export function submissionKey(): string {
  return randomUUID();
}
