import { rmSync } from "node:fs";
import { getTableName, type Table } from "drizzle-orm";
import { openDb, tuneLocalDb, type Db, type DbConfig } from "./client";
import { migrateDb } from "./migrate";
import * as schema from "./schema";

// Children before parents, so foreign keys never block a delete; the trigger-kept tables last, as the
// record deletes before them write to them.
const DATA_TABLES: Table[] = [
  schema.noticeDeliveries, schema.inboxNotices, schema.departmentRobots,
  schema.supervisionRecords, schema.supervisionItemDepartments, schema.supervisionItems,
  schema.importRows, schema.importBatches,
  schema.auditLog, schema.writeReceipts, schema.sessions, schema.signInThrottle, schema.apiTokens, schema.users,
  schema.circulars,
  schema.progressReports, schema.taskTargets, schema.taskUnits, schema.planTasks, schema.workPlans, schema.departmentAliases,
  schema.warnings, schema.compositeScores, schema.indicatorValues, schema.indicators,
  schema.calendarOverrides, schema.calendarYears, schema.nationalRanks, schema.appMeta,
  schema.govDefaultCases, schema.blacklistEntries, schema.taxRatings, schema.xydLoans, schema.xydEnrolments,
  schema.sgsMonthlyReports, schema.decisionCounts, schema.sgsRecords, schema.entities, schema.departments, schema.cityMaps, schema.orgUnits,
  schema.factFlows, schema.sharedCodeCandidates,
];

/**
 * Gives back an empty, migrated store. A local file is deleted and recreated (far faster than
 * deleting millions of rows); on a libSQL server every table is emptied instead.
 */
export async function openEmptyDb(config: DbConfig): Promise<Db> {
  if (config.url.startsWith("file:")) {
    const path = config.url.slice("file:".length);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  }
  const db = openDb(config);
  await tuneLocalDb(db, config.url);
  await migrateDb(db);
  if (!config.url.startsWith("file:")) {
    await db.$client.batch(DATA_TABLES.map((t) => `DELETE FROM "${getTableName(t)}"`), "write");
  }
  return db;
}
