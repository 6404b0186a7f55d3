import { hash, verify } from "@node-rs/argon2";

// Argon2id with OWASP's minimum memory cost (19 MiB, 2 passes): memory-hard, ~25 ms on this machine.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash signs no one in
  }
}

/** Why a new password is refused, in Chinese, or null when it is acceptable. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少${PASSWORD_MIN_LENGTH}位`;
  if (password.length > 128) return "密码不超过128位";
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((r) => r.test(password)).length;
  if (kinds < 2) return "密码须包含字母、数字、符号中的至少两类";
  if (username && password.toLowerCase().includes(username.toLowerCase())) return "密码不能包含账号";
  return null;
}

/** A dummy hash verified when the account does not exist, so timing does not tell which accounts exist. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("no-such-account-placeholder");
  return dummyHash;
}
