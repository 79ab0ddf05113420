// Every translated catalogue (frontend/src/lib/i18n/locales/<code>.ts) against English: exactly
// English's keys, the same placeholders in each message, valid ICU MessageFormat syntax, plural
// branches for every plural category of the language, and no message left in English unless it
// is listed below as the same word in that language (issue 16).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import englishLocale from '../../frontend/src/lib/i18n/locales/en.ts';
import type { Locale } from '../../frontend/src/lib/i18n/locales/locale.ts';
import { icuArguments } from './support/icu.ts';

const folder = join(dirname(fileURLToPath(import.meta.url)), '../../frontend/src/lib/i18n/locales');
const codes = readdirSync(folder)
  .filter((f) => /^[a-z]{2,3}(-[A-Za-z0-9]+)?\.ts$/.test(f) && f !== 'en.ts')
  .map((f) => f.replace(/\.ts$/, ''));

// Messages a language writes exactly as English does: names, placeholders only, and words the
// language shares (German 'Status', French 'Investigateur' is not one). Anything else equal to
// English is an untranslated message.
const sameAsEnglish: Record<string, readonly string[]> = {
  af: ['app.name', 'case.status', 'desk.cases.col.status', 'desk.step.ReportStatusChanged'],
  de: ['app.name', 'desk.cases.region', 'desk.cases.col.region'],
  pt: [
    'app.name',
    'desk.cases.sector',
    'desk.cases.col.sector',
    'desk.case.sector',
    'desk.export.file',
  ],
  fr: ['app.name', 'case.messages', 'timeline.MessagePosted', 'desk.admin', 'desk.admin.title'],
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

    it('names itself, its direction and an honest status', async () => {
      const { meta } = await load();
      expect(meta.code).toBe(code);
      expect(meta.dir).toBe(code === 'ar' ? 'rtl' : 'ltr');
      expect(meta.name.length).toBeGreaterThan(0);
      expect(['complete', 'community-draft']).toContain(meta.status);
    });

    it('has exactly English’s keys', async () => {
      const { messages } = await load();
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    });

    it('keeps every placeholder of each English message, in valid ICU syntax', async () => {
      const { messages } = await load();
      const problems: string[] = [];
      // The categories whole counts up to 1,000 fall in (French's 'many' is for millions only).
      const rules = new Intl.PluralRules(code);
      const categories = [...new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)))];
      const known = new Set<string>(rules.resolvedOptions().pluralCategories);
      for (const [key, message] of Object.entries(messages as Record<string, string>)) {
        try {
          const mine = icuArguments(message);
          const theirs = icuArguments(english[key] ?? '');
          const names = (args: typeof mine) => [...new Set(args.map((a) => a.name))].sort();
          if (names(mine).join() !== names(theirs).join())
            problems.push(`${key}: {${names(mine).join('}{')}} not {${names(theirs).join('}{')}}`);
          for (const plural of mine.filter((a) => a.type === 'plural')) {
            const missing = categories.filter((c) => !plural.branches.includes(c));
            if (missing.length) problems.push(`${key}: plural lacks ${missing.join(', ')}`);
            const foreign = plural.branches.filter((b) => !b.startsWith('=') && !known.has(b));
            if (foreign.length) problems.push(`${key}: ${code} has no ${foreign.join(', ')}`);
          }
        } catch (error) {
          problems.push(`${key}: ${(error as Error).message}`);
        }
      }
      expect(problems).toEqual([]);
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
