// Byte helpers shared by both backends and every envelope. No dependencies, no I/O.
import { FormatError } from './errors.ts';

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64URL_LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < B64URL.length; i++) B64URL_LOOKUP[B64URL.charCodeAt(i)] = i;

/** base64url without padding (RFC 4648 section 5): the only binary encoding on the wire. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out +=
      B64URL[(n >> 18) & 63]! + B64URL[(n >> 12) & 63]! + B64URL[(n >> 6) & 63]! + B64URL[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += B64URL[(n >> 18) & 63]! + B64URL[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64URL[(n >> 18) & 63]! + B64URL[(n >> 12) & 63]! + B64URL[(n >> 6) & 63]!;
  }
  return out;
}

/**
 * Strict decoder: rejects padding, other alphabets and non-canonical trailing bits. Four
 * characters at a time, without a branch per character: a submission's ciphertext is several
 * kilobytes, and the server decodes it on every submission.
 */
export function fromBase64Url(text: string): Uint8Array {
  const n = text.length;
  const rest = n % 4;
  if (rest === 1) throw new FormatError('base64url: invalid length');
  const out = new Uint8Array((n * 3) >> 2);
  // `codes` collects every char code (anything above 127 is outside the alphabet) and `values`
  // every looked-up value (-1 for a character outside it): one check at the end.
  let codes = 0;
  let values = 0;
  let o = 0;
  const full = n - rest;
  for (let i = 0; i < full; i += 4) {
    const c0 = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    const c2 = text.charCodeAt(i + 2);
    const c3 = text.charCodeAt(i + 3);
    codes |= c0 | c1 | c2 | c3;
    const a = B64URL_LOOKUP[c0 & 127]!;
    const b = B64URL_LOOKUP[c1 & 127]!;
    const c = B64URL_LOOKUP[c2 & 127]!;
    const d = B64URL_LOOKUP[c3 & 127]!;
    values |= a | b | c | d;
    out[o] = (a << 2) | (b >> 4);
    out[o + 1] = (b << 4) | (c >> 2);
    out[o + 2] = (c << 6) | d;
    o += 3;
  }
  let unused = 0;
  if (rest > 0) {
    const c0 = text.charCodeAt(full);
    const c1 = text.charCodeAt(full + 1);
    const c2 = rest === 3 ? text.charCodeAt(full + 2) : 65; // 'A': a zero
    codes |= c0 | c1 | c2;
    const a = B64URL_LOOKUP[c0 & 127]!;
    const b = B64URL_LOOKUP[c1 & 127]!;
    const c = B64URL_LOOKUP[c2 & 127]!;
    values |= a | b | c;
    out[o] = (a << 2) | (b >> 4);
    if (rest === 3) {
      out[o + 1] = (b << 4) | (c >> 2);
      unused = c & 3;
    } else unused = b & 15;
  }
  if (codes > 127 || values < 0) throw new FormatError('base64url: invalid character');
  if (unused !== 0) throw new FormatError('base64url: non-canonical encoding');
  return out;
}

/** Decodes and insists on an exact length (keys, nonces, signatures). */
export function fromBase64UrlExact(text: string, length: number, what: string): Uint8Array {
  const bytes = fromBase64Url(text);
  if (bytes.length !== length) throw new FormatError(`${what}: expected ${length} bytes`);
  return bytes;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new FormatError('invalid UTF-8');
  }
}

/** Little-endian unsigned 64-bit integer (safe integers only). */
export function u64le(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new FormatError('u64: out of range');
  const out = new Uint8Array(8);
  let v = value;
  for (let i = 0; i < 8; i++) {
    out[i] = v % 256;
    v = Math.floor(v / 256);
  }
  return out;
}

/**
 * Unambiguous encoding of a list of fields for signatures and associated data: a domain label,
 * then each field as its 8-byte little-endian length followed by its bytes. Two different field
 * lists never encode to the same bytes, so nothing can be shifted from one field into another.
 */
export function encodeFields(
  label: string,
  ...fields: (Uint8Array | string | number)[]
): Uint8Array {
  const parts: Uint8Array[] = [];
  const labelBytes = utf8(label);
  parts.push(u64le(labelBytes.length), labelBytes);
  for (const f of fields) {
    const bytes = typeof f === 'string' ? utf8(f) : typeof f === 'number' ? u64le(f) : f;
    parts.push(u64le(bytes.length), bytes);
  }
  return concatBytes(...parts);
}

/** Constant-time comparison for secrets and MACs. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Best-effort wipe of secret material we own (JS gives no guarantee about copies). */
export function wipe(...buffers: Uint8Array[]): void {
  for (const b of buffers) b.fill(0);
}
