// Length hiding. Plaintexts are framed as u32le(length) || bytes || zeros and padded with Padme
// (Nikitin et al., PETS 2019): the padded length leaks O(log log n) bits, overhead <= 12%, and a
// floor puts every short report into the same bucket.
import { FormatError } from './errors.ts';

export function padme(length: number): number {
  if (length < 2) return length;
  const e = Math.floor(Math.log2(length));
  const s = Math.floor(Math.log2(e)) + 1;
  const lastBits = e - s;
  const step = 2 ** lastBits;
  return Math.ceil(length / step) * step;
}

export function paddedSizeFor(contentLength: number, floor: number): number {
  return padme(Math.max(contentLength + 4, floor));
}

export function pad(content: Uint8Array, floor: number): Uint8Array {
  if (content.length > 0xffffffff) throw new FormatError('content too large');
  const out = new Uint8Array(paddedSizeFor(content.length, floor));
  new DataView(out.buffer).setUint32(0, content.length, true);
  out.set(content, 4);
  return out;
}

export function unpad(padded: Uint8Array): Uint8Array {
  if (padded.length < 4) throw new FormatError('padding: too short');
  const length = new DataView(padded.buffer, padded.byteOffset, padded.byteLength).getUint32(
    0,
    true,
  );
  if (length > padded.length - 4) throw new FormatError('padding: bad length');
  for (let i = 4 + length; i < padded.length; i++) {
    if (padded[i] !== 0) throw new FormatError('padding: non-zero');
  }
  return padded.subarray(4, 4 + length);
}
