import type { Viewer } from "@/lib/auth/viewer";

/** A signed-in 信用办 user, as the write path sees one; other roles spread it with their own fields. */
export const OFFICE_VIEWER: Viewer = { userId: 1, tokenId: null, username: "office", displayName: "信用办", role: "office", departmentId: null, districtId: null, sessionId: "s", address: "" };
