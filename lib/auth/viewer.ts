import type { Role } from "@/db/schema";

/** Who is asking: a signed-in person, or a department's system with an API token. */
export interface Viewer {
  userId: number | null;
  tokenId: number | null;
  username: string;
  displayName: string;
  role: Role;
  /** Set for 部门 viewers (and API tokens): the department whose records they see and change. */
  departmentId: number | null;
  /** Set for 区县 viewers: the district whose figures and records they see. */
  districtId: number | null;
  sessionId: string | null;
  address: string;
  /** Someone not signed in (a failed sign-in is still recorded, under the account name tried). */
  anonymous?: boolean;
}

export function anonymousViewer(username: string, address: string): Viewer {
  return { userId: null, tokenId: null, username, displayName: "未登录", role: "leader", departmentId: null, districtId: null, sessionId: null, address, anonymous: true };
}

/** The actor of a change made by the system itself (migrations, the command line). */
export function systemViewer(what: string): Viewer {
  return { userId: null, tokenId: null, username: "system", displayName: what, role: "office", departmentId: null, districtId: null, sessionId: null, address: "" };
}
