import { buildUscc } from "@/lib/uscc";
import type { Random } from "./random";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const BODY_SPACE = 31 ** 6;
// A multiplier coprime with 31^6 turns a running index into a scattered but collision-free body.
const SCATTER = 387_420_489;

/**
 * Organisation-code body (positions 9–16) for the n-th generated body: "MA" + 6 characters for bodies
 * registered since the 2015 reform, 8 digits (the old organisation code) for older ones. Distinct
 * indices always give distinct bodies, so any shared code in the demo is one put there on purpose.
 */
export function orgBodyFor(index: number, oldStyle: boolean): string {
  if (oldStyle) return String((index * 7_919 + 10_000_000) % 90_000_000 + 10_000_000).padStart(8, "0");
  let n = (index * SCATTER) % BODY_SPACE; // exact while index < 2^53 / SCATTER (about 23 million)
  let tail = "";
  for (let i = 0; i < 6; i++) {
    tail = ALPHABET[n % 31] + tail;
    n = Math.floor(n / 31);
  }
  return `MA${tail}`;
}

export function validCode(authority: string, bodyKind: string, division: string, body: string): string {
  return buildUscc(authority, bodyKind, division, body);
}

/** The mistakes found in real registration data: a mistyped character, a dropped one, a letter O for zero. */
export function corruptCode(rng: Random, code: string): string {
  const fault = rng.int(0, 3);
  const at = rng.int(8, 17);
  if (fault === 0) {
    const replaced = ALPHABET[(ALPHABET.indexOf(code[at] ?? "0") + rng.int(1, 30)) % 31];
    return code.slice(0, at) + replaced + code.slice(at + 1);
  }
  if (fault === 1) return code.slice(0, at) + code.slice(at + 1);
  if (fault === 2) return code.replace(/0/, "O") === code ? code.slice(0, 17) + "Z" : code.replace(/0/, "O");
  return code.slice(0, 16) + code[17] + code[16];
}
