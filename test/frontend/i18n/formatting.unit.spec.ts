// ICU messages, plurals and Intl formatting in each language (frontend/src/lib/i18n/format.ts),
// and the English catalogue's counting messages written as plurals.
import { describe, expect, it } from 'vitest';
import {
  formatDateIn,
  formatListIn,
  formatMessage,
  formatNumberIn,
} from '../../../frontend/src/lib/i18n/format.ts';
import en from '../../../frontend/src/lib/i18n/locales/en.ts';

describe('messages in a language', () => {
  it('says "1 case" and "2 cases" in the case list, never "1 cases"', () => {
    const m = en.messages['desk.cases.total'];
    expect(formatMessage('en', m, { count: 1 })).toBe('1 case');
    expect(formatMessage('en', m, { count: 2 })).toBe('2 cases');
    expect(formatMessage('en', m, { count: 1200 })).toBe('1,200 cases');
  });

  it('picks the Arabic plural form from CLDR rules', () => {
    const m =
      '{count, plural, zero {لا قضايا} one {قضية واحدة} two {قضيتان} few {# قضايا} many {# قضية} other {# قضية}}';
    expect(formatMessage('ar', m, { count: 0 })).toBe('لا قضايا');
    expect(formatMessage('ar', m, { count: 2 })).toBe('قضيتان');
    expect(formatMessage('ar', m, { count: 3 })).toMatch(/ قضايا$/);
    expect(formatMessage('ar', m, { count: 11 })).toMatch(/ قضية$/);
  });

  it('writes numbers and dates the language’s way', () => {
    expect(formatNumberIn('de', 1234.5)).toBe('1.234,5');
    expect(formatDateIn('de', '2026-03-01T10:00:00Z')).toBe('1. März 2026');
    expect(formatDateIn('pt', '2026-03-01T10:00:00Z')).toBe('1 de março de 2026');
    expect(formatDateIn('en', '2026-03-01T10:00:00Z')).toBe('March 1, 2026');
    // No calendar data for Oshindonga: digits, day first, never "March".
    expect(formatDateIn('ng', '2026-03-01T10:00:00Z')).toBe('01/03/2026');
    expect(formatListIn('fr', ['a', 'b', 'c'])).toBe('a, b et c');
    expect(
      formatMessage('de', 'Frage {n, number} von {total, number}', { n: 1, total: 1000 }),
    ).toBe('Frage 1 von 1.000');
  });

  it('fills a message whose value is missing with what it has, never throws', () => {
    expect(formatMessage('en', 'Choose {name} by {date}', { name: 'X' })).toBe(
      'Choose X by {date}',
    );
  });

  it('writes every English message that counts as a plural', () => {
    // A {count}, {days} ... placed as a bare number next to a noun reads "1 cases".
    const counting = /\{(count|days)\}/;
    const bare = Object.entries(en.messages).filter(([, m]) => counting.test(m));
    expect(bare).toEqual([]);
    for (const key of ['case.missingBefore', 'desk.share.many', 'desk.case.deadline.left']) {
      expect(en.messages[key as keyof typeof en.messages]).toMatch(/plural/);
    }
  });
});
