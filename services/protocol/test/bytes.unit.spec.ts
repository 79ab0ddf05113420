// base64url is the only binary encoding on the wire: the decoder must accept exactly the
// canonical unpadded encodings and give back the bytes. Node's Buffer is the oracle here (a
// string is canonical when decoding and re-encoding it gives it back).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../src/errors.ts';
import { fromBase64Url, toBase64Url } from '../src/bytes.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const oracle = (s: string): Uint8Array | undefined => {
  const bytes = Buffer.from(s, 'base64url');
  return bytes.toString('base64url') === s ? new Uint8Array(bytes) : undefined;
};
const decode = (s: string): Uint8Array | undefined => {
  try {
    return fromBase64Url(s);
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return undefined;
  }
};

describe('base64url', () => {
  it('round-trips any bytes, as Buffer encodes them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts exactly the canonical encodings, mostly-valid strings included', () => {
    const near = fc.string({
      unit: fc.oneof(
        { weight: 20, arbitrary: fc.constantFrom(...ALPHABET) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('=', '+', '/', ' ', '\n', 'é', '\u0100', '\uffff'),
        },
      ),
      maxLength: 40,
    });
    fc.assert(
      fc.property(near, (text) => {
        expect(decode(text)).toEqual(oracle(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses padding, other alphabets, a dangling character and non-canonical trailing bits', () => {
    for (const bad of ['AA==', 'AAA=', 'A', 'AAAAA', 'ab+/', 'ab c', 'AB', 'AAB', 'AAé=', 'Aé']) {
      expect(() => fromBase64Url(bad), bad).toThrow(FormatError);
    }
    expect(fromBase64Url('')).toEqual(new Uint8Array(0));
    expect(fromBase64Url('AQ')).toEqual(new Uint8Array([1]));
    expect(fromBase64Url('AQI')).toEqual(new Uint8Array([1, 2]));
    expect(fromBase64Url('_-8')).toEqual(new Uint8Array([0xff, 0xef]));
  });
});
