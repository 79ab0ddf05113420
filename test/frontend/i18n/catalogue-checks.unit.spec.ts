// The checks the build runs on every catalogue (frontend/src/lib/i18n/checks.ts): what fails a
// build, what a community draft may lack, and the plural forms each language needs.
import { describe, expect, it } from 'vitest';
import {
  checkLocale,
  neededPluralCategories,
  pluralCategories,
} from '../../../frontend/src/lib/i18n/checks.ts';
import type { LocaleMeta, LocaleModule } from '../../../frontend/src/lib/i18n/types.ts';

const english = {
  'case.count': '{count, plural, one {# case} other {# cases}}',
  'channel.choose': 'Choose {name}',
  'app.back': 'Back',
};

const locale = (
  messages: Record<string, string>,
  meta: Partial<LocaleMeta> = {},
): LocaleModule => ({
  meta: { code: 'de', name: 'Deutsch', dir: 'ltr', status: 'complete', ...meta },
  messages: messages as LocaleModule['messages'],
});

const german = {
  'case.count': '{count, plural, one {# Fall} other {# Fälle}}',
  'channel.choose': '{name} wählen',
  'app.back': 'Zurück',
};

describe('catalogue checks', () => {
  it('passes a complete, well-formed language at 100%', () => {
    const report = checkLocale(english, locale(german), 'de');
    expect(report.errors).toEqual([]);
    expect(report.percent).toBe(100);
  });

  it('fails a placeholder the English message does not have, or one it lacks', () => {
    const renamed = checkLocale(
      english,
      locale({ ...german, 'channel.choose': '{naam} wählen' }),
      'de',
    );
    expect(renamed.errors).toEqual([
      'channel.choose: placeholders {naam} differ from English {name}',
    ]);
    const dropped = checkLocale(english, locale({ ...german, 'channel.choose': 'Wählen' }), 'de');
    expect(dropped.errors[0]).toMatch(/channel\.choose: placeholders \{none\} differ/);
  });

  it('fails an unknown key and a message that is not ICU', () => {
    const report = checkLocale(
      english,
      locale({ ...german, 'app.bak': 'Zurück', 'app.back': 'Zurück {' }),
      'de',
    );
    expect(report.errors).toContain('app.bak: unknown key (not in the English catalogue)');
    expect(report.errors.some((e) => e.startsWith('app.back: not valid ICU'))).toBe(true);
  });

  it('fails a complete language missing a key, allows it in a community draft', () => {
    const partial = { 'app.back': 'Zurück' };
    const complete = checkLocale(english, locale(partial), 'de');
    expect(complete.errors).toEqual([
      'marked complete but 2 key(s) missing: case.count, channel.choose',
    ]);
    const draft = checkLocale(english, locale(partial, { status: 'community-draft' }), 'de');
    expect(draft.errors).toEqual([]);
    expect(draft.missing).toEqual(['case.count', 'channel.choose']);
    expect(draft.percent).toBe(33.3);
  });

  it('knows the plural forms each language needs', () => {
    expect(pluralCategories('en')).toEqual(['one', 'other']);
    expect(pluralCategories('de')).toEqual(['one', 'other']);
    expect(pluralCategories('ar')).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(pluralCategories('fr')).toEqual(['one', 'many', 'other']);
    // French 'many' is for millions: counts up to 1,000 need only 'one' and 'other'.
    expect(neededPluralCategories('fr')).toEqual(['one', 'other']);
    expect(neededPluralCategories('pt')).toEqual(['one', 'other']);
    expect(neededPluralCategories('ar')).toEqual(pluralCategories('ar'));
  });

  it('fails a complete language whose plural lacks a form it needs, warns for a draft', () => {
    const arabic = {
      ...german,
      'case.count': '{count, plural, one {قضية واحدة} other {# قضية}}',
      'channel.choose': 'اختر {name}',
    };
    const meta = { code: 'ar', dir: 'rtl' as const };
    const complete = checkLocale(english, locale(arabic, meta), 'ar');
    expect(complete.errors).toEqual([
      'case.count: plural {count} lacks the ar form(s) zero, two, few, many',
    ]);
    const draft = checkLocale(
      english,
      locale(arabic, { ...meta, status: 'community-draft' }),
      'ar',
    );
    expect(draft.errors).toEqual([]);
    expect(draft.warnings).toHaveLength(1);
  });

  it('fails metadata that does not match its file', () => {
    const report = checkLocale(english, locale(german, { code: 'af' }), 'de');
    expect(report.errors).toEqual(["meta.code 'af' is not the file's 'de'"]);
  });
});
