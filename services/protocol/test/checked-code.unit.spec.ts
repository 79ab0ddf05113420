import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CROCKFORD_ALPHABET, isCodeword } from '../src/checked-code.ts';
import {
  createNobleBackend,
  generateReceipt,
  isValidReceipt,
  normaliseReceipt,
  ReceiptFormatError,
  RECEIPT_ENTROPY_BITS,
} from '../src/index.ts';

const backend = createNobleBackend();

function symbolsOf(code: string): number[] {
  return Array.from(code, (c) => CROCKFORD_ALPHABET.indexOf(c));
}

describe('receipt format', () => {
  it('has at least 100 bits, 28 symbols in 7 groups of 4', () => {
    expect(RECEIPT_ENTROPY_BITS).toBeGreaterThanOrEqual(100);
    const r = generateReceipt(backend);
    expect(r).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(isValidReceipt(r)).toBe(true);
  });

  it('forgives spaces, dashes, case and look-alikes', () => {
    const r = normaliseReceipt(generateReceipt(backend));
    const sloppy = ` ${r.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l').replace(/V/gi, 'u')} `
      .split('')
      .join(' ');
    expect(normaliseReceipt(sloppy)).toBe(r);
    expect(normaliseReceipt(r.replace(/1/g, 'I'))).toBe(r);
  });

  it('rejects wrong lengths and foreign characters', () => {
    const r = normaliseReceipt(generateReceipt(backend));
    expect(() => normaliseReceipt(r.slice(1))).toThrow(ReceiptFormatError);
    expect(() => normaliseReceipt(`${r}0`)).toThrow(ReceiptFormatError);
    expect(() => normaliseReceipt(`${r.slice(0, 27)}!`)).toThrow(ReceiptFormatError);
  });

  it('catches every single-symbol error and every adjacent swap (exhaustive over 300 receipts)', () => {
    let singleChecked = 0;
    let swapChecked = 0;
    for (let n = 0; n < 300; n++) {
      const symbols = symbolsOf(normaliseReceipt(generateReceipt(backend)));
      expect(isCodeword(symbols)).toBe(true);
      for (let i = 0; i < symbols.length; i++) {
        for (let v = 0; v < 32; v++) {
          if (v === symbols[i]) continue;
          const changed = symbols.slice();
          changed[i] = v;
          expect(isCodeword(changed)).toBe(false);
          singleChecked++;
        }
        if (i + 1 < symbols.length && symbols[i] !== symbols[i + 1]) {
          const swapped = symbols.slice();
          swapped[i] = symbols[i + 1]!;
          swapped[i + 1] = symbols[i]!;
          expect(isCodeword(swapped)).toBe(false);
          swapChecked++;
        }
      }
    }
    expect(singleChecked).toBe(300 * 28 * 31);
    expect(swapChecked).toBeGreaterThan(300 * 20);
  });

  it('catches every single error and adjacent swap in the string form too', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 27 }),
        fc.integer({ min: 1, max: 31 }),
        (pos, delta) => {
          const r = normaliseReceipt(generateReceipt(backend));
          const v = (CROCKFORD_ALPHABET.indexOf(r[pos]!) + delta) % 32;
          const typo = r.slice(0, pos) + CROCKFORD_ALPHABET[v]! + r.slice(pos + 1);
          expect(isValidReceipt(typo)).toBe(false);
          if (pos < 27 && r[pos] !== r[pos + 1]) {
            const swap = r.slice(0, pos) + r[pos + 1]! + r[pos]! + r.slice(pos + 2);
            expect(isValidReceipt(swap)).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
