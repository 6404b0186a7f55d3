import { join } from "node:path";

/** Where the setup project keeps each demo account's signed-in cookies. */
export function authStateFile(username: string): string {
  return join("artifacts", "auth", `${username}.json`);
}
