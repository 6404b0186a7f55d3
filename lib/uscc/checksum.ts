/** GB 32100-2015 character set: digits and upper-case letters without I, O, S, V, Z. */
export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// GB 32100-2015 §4.5 (GB/T 17710, ISO 7064 MOD 31-3): weight_i = 3^(i-1) mod 31.
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
// GB 11714-1997 organisation code check digit weights.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

// Lookup tables by char code (-1 = not allowed); avoids regex/indexOf in hot paths.
const USCC_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_ALPHABET.length; i++) USCC_VALUE[USCC_ALPHABET.charCodeAt(i)] = i;

// GB 11714 values run over the FULL alphabet: 0–9, then A=10 … Z=35.
const ORG_VALUE = new Int8Array(128).fill(-1);
for (let c = 48; c <= 57; c++) ORG_VALUE[c] = c - 48;
for (let c = 65; c <= 90; c++) ORG_VALUE[c] = c - 55;

function usccValueAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c < 128 ? (USCC_VALUE[c] ?? -1) : -1;
}

/** Value of one character in the GB 32100 alphabet, or -1 if the char is not allowed. */
export function usccCharValue(ch: string): number {
  return ch.length === 1 ? usccValueAt(ch, 0) : -1;
}

/** True if every character of `s` is in the GB 32100 alphabet. */
export function isUsccCharset(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (usccValueAt(s, i) < 0) return false;
  return true;
}

/**
 * GB 11714 check character for an 8-char organisation code body:
 * C = 11 − (Σ v·w mod 11); 10 → 'X', 11 → '0'.
 */
export function orgCodeCheckChar(body8: string): string {
  if (body8.length !== 8) throw new RangeError(`orgCodeCheckChar: expected 8 chars, got ${body8.length}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charCodeAt(i);
    const v = c < 128 ? (ORG_VALUE[c] ?? -1) : -1;
    if (v < 0) throw new RangeError(`orgCodeCheckChar: invalid char "${body8.charAt(i)}"`);
    sum += v * (ORG_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  if (check === 10) return "X";
  if (check === 11) return "0";
  return String.fromCharCode(48 + check);
}

/**
 * GB 32100 check character (position 18) for the first 17 chars:
 * C = 31 − (Σ v·w mod 31), where 31 maps to '0'.
 */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`usccCheckChar: expected 17 chars, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = usccValueAt(first17, i);
    if (v < 0) throw new RangeError(`usccCheckChar: invalid char "${first17.charAt(i)}"`);
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}
