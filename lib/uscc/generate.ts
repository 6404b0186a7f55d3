import { isUsccCharset, orgCodeCheckChar, USCC_ALPHABET, usccCheckChar } from "./checksum";
import { divisionProblem, USCC_AUTHORITIES } from "./tables";

/**
 * Assemble a full 18-char code, computing the GB 11714 check (position 17) and the
 * GB 32100 check (position 18). Throws RangeError on any invalid part.
 */
export function buildUscc(authority: string, bodyKind: string, division6: string, orgBody8: string): string {
  const info = USCC_AUTHORITIES.get(authority);
  if (!info) throw new RangeError(`buildUscc: unknown authority "${authority}"`);
  if (!info.bodyKinds.has(bodyKind)) {
    throw new RangeError(`buildUscc: body kind "${bodyKind}" not allowed for authority "${authority}"`);
  }
  if (divisionProblem(division6) !== null) throw new RangeError(`buildUscc: invalid division "${division6}"`);
  if (orgBody8.length !== 8 || !isUsccCharset(orgBody8)) {
    throw new RangeError(`buildUscc: org body must be 8 chars of ${USCC_ALPHABET}, got "${orgBody8}"`);
  }
  const first17 = authority + bodyKind + division6 + orgBody8 + orgCodeCheckChar(orgBody8);
  return first17 + usccCheckChar(first17);
}

const ALPHABET_CODES = new Uint8Array(USCC_ALPHABET.length);
for (let i = 0; i < USCC_ALPHABET.length; i++) ALPHABET_CODES[i] = USCC_ALPHABET.charCodeAt(i);
const M = 77;
const A = 65;

function pick(rand: () => number): number {
  // `% 31` guards against a PRNG that returns exactly 1.
  return ALPHABET_CODES[((rand() * 31) | 0) % 31] ?? 48;
}

/**
 * 8-char org body shaped like post-2015 codes ("MA" + 6 chars of the GB 32100
 * alphabet). Hot path for bulk demo data: one string allocation, no regex.
 */
export function randomOrgBody(rand: () => number): string {
  return String.fromCharCode(M, A, pick(rand), pick(rand), pick(rand), pick(rand), pick(rand), pick(rand));
}
