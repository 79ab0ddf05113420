// The pseudo-locale generated from English (frontend/src/lib/i18n/pseudo.ts) and the marked
// per-string fallback to English in a community draft (frontend/src/lib/i18n/index.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { checkLocale } from '../../../frontend/src/lib/i18n/checks.ts';
import { argumentNames, parseMessage } from '../../../frontend/src/lib/i18n/icu.ts';
import { hasFallback, stripFallback } from '../../../frontend/src/lib/i18n/fallback.ts';
import { formatMessage } from '../../../frontend/src/lib/i18n/format.ts';
import { t, useLocale } from '../../../frontend/src/lib/i18n/index.ts';
import en from '../../../frontend/src/lib/i18n/locales/en.ts';
import { pseudoLocale, pseudoMessage } from '../../../frontend/src/lib/i18n/pseudo.ts';

const english = en.messages as Record<string, string>;

describe('pseudo-locale en-XA', () => {
  const pseudo = pseudoLocale(en);

  it('passes the catalogue checks: every key, every placeholder and plural kept', () => {
    const report = checkLocale(english, pseudo, 'en-XA');
    expect(report.errors).toEqual([]);
    expect(report.percent).toBe(100);
  });

  it('is bracketed, accented and at least 30% longer than English', () => {
    let englishLength = 0;
    let pseudoLength = 0;
    for (const [key, source] of Object.entries(english)) {
      // Every argument a number (3), which plurals and {x, number} accept and a text shows.
      const params = Object.fromEntries(
        [...argumentNames(parseMessage(source))].map((name) => [name, 3]),
      );
      const shown = formatMessage(
        'en-XA',
        pseudo.messages[key as keyof typeof pseudo.messages]!,
        params,
      );
      expect(shown, key).toMatch(/^\[[\s\S]*\]$/);
      // No plain English letter is left outside what a placeholder put there.
      expect(shown.match(/[a-zA-Z]/), key).toBeNull();
      englishLength += formatMessage('en', source, params).length;
      pseudoLength += shown.length;
    }
    expect(pseudoLength / englishLength).toBeGreaterThan(1.3);
  });

  it('keeps the plural structure', () => {
    const m = pseudoMessage('{count, plural, one {# case} other {# cases}}');
    expect(formatMessage('en-XA', m, { count: 1 })).toBe('[1 çáášéé]');
    expect(formatMessage('en-XA', m, { count: 2 })).toBe('[2 çáášééš]');
  });
});

describe('fallback to English in a community draft', () => {
  afterEach(() => useLocale(en));

  it('shows what the draft has, and marks the English stand-in for what it lacks', () => {
    useLocale({
      meta: { code: 'hz', name: 'Otjiherero', dir: 'ltr', status: 'community-draft' },
      messages: { 'app.back': 'Konyima' },
    });
    expect(t('app.back')).toBe('Konyima');
    const next = t('app.next');
    expect(hasFallback(next)).toBe(true);
    expect(stripFallback(next)).toBe('Next');
    const choose = t('channel.choose', { name: 'IPPR' });
    expect(stripFallback(choose)).toBe('Choose IPPR');
  });

  it('never marks English itself', () => {
    expect(hasFallback(t('app.next'))).toBe(false);
  });
});
