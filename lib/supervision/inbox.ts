import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inboxNotices } from "@/db/schema";
import { bookkeeping } from "@/lib/write";

/** A person's newest notices. */
export function noticesOf(db: Db, userId: number, limit = 200) {
  return db.select().from(inboxNotices).where(eq(inboxNotices.userId, userId)).orderBy(desc(inboxNotices.id)).limit(limit);
}

/** Marks all of one's notices read: bookkeeping of one's inbox, not a change of the city's data. */
export function markAllRead(db: Db, userId: number) {
  return bookkeeping(db, (tx) => tx.update(inboxNotices).set({ readAt: new Date().toISOString() })
    .where(and(eq(inboxNotices.userId, userId), isNull(inboxNotices.readAt))));
}
