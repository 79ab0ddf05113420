// Human-typeable codes (receipts, recovery keys): Crockford base32 symbols from the CSPRNG plus
// one check symbol over GF(32). The codeword satisfies sum(alpha^(i mod 31) * s_i) = 0, with
// alpha a generator of GF(32)*: every weight is non-zero, so any single wrong symbol changes the
// sum; neighbouring weights differ, so swapping two different neighbours changes it too. In a
// 28-symbol receipt all weights are distinct, so every transposition is caught, not just adjacent.
import { ReceiptFormatError } from './errors.ts';
import type { CryptoBackend } from './backend/types.ts';

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

// GF(2^5) with the primitive polynomial x^5 + x^2 + 1.
const EXP = new Uint8Array(62);
const LOG = new Int8Array(32).fill(-1);
{
  let x = 1;
  for (let i = 0; i < 31; i++) {
    EXP[i] = x;
    EXP[i + 31] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x20) x ^= 0x25;
  }
}

function gfMul(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return EXP[LOG[a]! + LOG[b]!]!;
}

function weight(i: number): number {
  return EXP[i % 31]!;
}

/** The check symbol value that makes `data` followed by it a codeword. */
export function checkSymbolValue(data: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum ^= gfMul(weight(i), data[i]!);
  // weight(n) * c = sum  =>  c = sum / weight(n)
  const n = data.length;
  if (sum === 0) return 0;
  return EXP[(LOG[sum]! - (n % 31) + 31) % 31]!;
}

export function isCodeword(symbols: readonly number[]): boolean {
  let sum = 0;
  for (let i = 0; i < symbols.length; i++) sum ^= gfMul(weight(i), symbols[i]!);
  return sum === 0;
}

/** Draws `dataSymbols` uniform symbols (one CSPRNG byte each, 256 = 8 x 32) and appends the check. */
export function generateCheckedCode(backend: CryptoBackend, dataSymbols: number): string {
  const bytes = backend.randomBytes(dataSymbols);
  const data = Array.from(bytes, (b) => b & 31);
  bytes.fill(0);
  data.push(checkSymbolValue(data));
  return data.map((v) => CROCKFORD_ALPHABET[v]!).join('');
}

/** Groups of `size` separated by dashes, for display and printing. */
export function groupCode(code: string, size = 4): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += size) groups.push(code.slice(i, i + size));
  return groups.join('-');
}

// Look-alikes forgiven on input, as Crockford prescribes (O->0, I/L->1), plus U->V.
const LOOK_ALIKES: Record<string, string> = { O: '0', I: '1', L: '1', U: 'V' };

/**
 * Normalises what a person typed: drops spaces, dashes, dots and underscores, upper-cases, maps
 * look-alikes, then insists on `totalSymbols` symbols with a valid check symbol.
 */
export function normaliseCheckedCode(input: string, totalSymbols: number): string {
  const cleaned = input.toUpperCase().replace(/[\s\-._]/g, '');
  let out = '';
  const values: number[] = [];
  for (const ch of cleaned) {
    const mapped = LOOK_ALIKES[ch] ?? ch;
    const v = CROCKFORD_ALPHABET.indexOf(mapped);
    if (v < 0 || mapped.length !== 1)
      throw new ReceiptFormatError('code contains an invalid character');
    values.push(v);
    out += mapped;
  }
  if (values.length !== totalSymbols) throw new ReceiptFormatError('code has the wrong length');
  if (!isCodeword(values)) throw new ReceiptFormatError('code check symbol does not match');
  return out;
}
