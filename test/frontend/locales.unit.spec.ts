// Every translated catalogue (frontend/src/lib/i18n/locales/<code>.ts) against English, under
// `npm test` as well as in the build: the build's checks (exactly English's keys, the same
// placeholders, valid ICU, every plural form the language needs), no plural form the language
// lacks, and no message left in English unless listed below as the same word in that language
// (issue 16).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import englishLocale from '../../frontend/src/lib/i18n/locales/en.ts';
import type { Locale } from '../../frontend/src/lib/i18n/locales/locale.ts';
import { checkLocale, pluralCategories } from '../../frontend/src/lib/i18n/checks.ts';
import { parseMessage, pluralSelectors } from '../../frontend/src/lib/i18n/icu.ts';

const folder = join(dirname(fileURLToPath(import.meta.url)), '../../frontend/src/lib/i18n/locales');
const codes = readdirSync(folder)
  .filter((f) => /^[a-z]{2,3}(-[A-Za-z0-9]+)?\.ts$/.test(f) && f !== 'en.ts')
  .map((f) => f.replace(/\.ts$/, ''));

// Messages a language writes exactly as English does: names, placeholders only, and words the
// language shares (German 'Status', French 'Investigateur' is not one). Anything else equal to
// English is an untranslated message.
const sameAsEnglish: Record<string, readonly string[]> = {
  af: ['app.name', 'case.status', 'desk.cases.col.status', 'desk.step.ReportStatusChanged'],
  de: [
    'app.name',
    'desk.cases.region',
    'desk.cases.col.region',
    'sector.land',
    'statistics.channel',
  ],
  pt: [
    'app.name',
    'desk.cases.sector',
    'desk.cases.col.sector',
    'desk.case.sector',
    'desk.export.file',
    'statistics.sector',
  ],
  fr: [
    'app.name',
    'case.messages',
    'timeline.MessagePosted',
    'desk.admin',
    'desk.admin.title',
    'sector.police',
    'statistics.channel',
  ],
  ar: ['app.name'],
};

const en = englishLocale.messages;
const english = en as Record<string, string>;
const placeholdersOnly = (message: string) => !/\p{L}/u.test(message.replace(/\{\w+\}/g, ''));

describe('translated catalogues', () => {
  it('exist for the languages issue 16 asks for', () => {
    expect(codes).toEqual(expect.arrayContaining(['af', 'de', 'pt', 'fr', 'ar']));
  });

  describe.each(codes)('%s', (code) => {
    const load = async () =>
      ((await import(join(folder, `${code}.ts`))) as { default: Locale }).default;

    it('names itself and its direction, and is complete', async () => {
      const { meta } = await load();
      expect(meta.code).toBe(code);
      expect(meta.dir).toBe(code === 'ar' ? 'rtl' : 'ltr');
      expect(meta.name.length).toBeGreaterThan(0);
      expect(meta.status).toBe('complete');
    });

    it('passes the build’s checks: English’s keys and placeholders, valid ICU, every plural form', async () => {
      const report = checkLocale(english, await load(), code);
      expect(report.errors).toEqual([]);
      expect(report.missing).toEqual([]);
    });

    it('writes no plural form the language does not have', async () => {
      const { messages } = await load();
      const forms = new Set(pluralCategories(code));
      const foreign = Object.entries(messages as Record<string, string>).flatMap(([key, message]) =>
        [...pluralSelectors(parseMessage(message)).values()].flatMap((selectors) =>
          [...selectors]
            .filter((s) => !s.startsWith('=') && !forms.has(s))
            .map((s) => `${key}: ${s}`),
        ),
      );
      expect(foreign).toEqual([]);
    });

    it('leaves no message in English', async () => {
      const { messages } = await load();
      const untranslated = Object.entries(messages as Record<string, string>)
        .filter(([key, message]) => message === english[key] && !placeholdersOnly(message))
        .map(([key]) => key)
        .filter((key) => !(sameAsEnglish[code] ?? []).includes(key));
      expect(untranslated).toEqual([]);
    });
  });
});
