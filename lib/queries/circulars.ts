import "server-only";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { draftCircularDocument, draftCircularFile, getIssuedFile, listIssuedCirculars, type IssuedFileKind } from "@/lib/circular/issue";
import { getCircularSettings } from "@/lib/circular/settings";
import type { IsoMonth } from "@/lib/dates";

export const getDraftCircularFile = (month: IsoMonth, kind: "docx" | "xlsx", db: Db = getDb()) => draftCircularFile(db, month, kind);
export const getDraftCircularDocument = (month: IsoMonth, db: Db = getDb()) => draftCircularDocument(db, month);
export const getIssuedCirculars = (db: Db = getDb()) => listIssuedCirculars(db);
export const getIssuedCircularFile = (id: number, kind: IssuedFileKind, db: Db = getDb()) => getIssuedFile(db, id, kind);
export const getSettings = (db: Db = getDb()) => getCircularSettings(db);
