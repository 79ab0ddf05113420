// Catalogues out to gettext PO for translators and back (frontend/scripts/i18n/po.ts): what
// goes out comes back unchanged, each entry carries its key, notes and screenshot, and a
// translator's PO for a new language becomes a community draft with only what they translated.
import { po } from 'gettext-parser';
import { describe, expect, it } from 'vitest';
import { loadLocales } from '../../../frontend/scripts/i18n/load-locales.ts';
import { localeToPo, poToLocale } from '../../../frontend/scripts/i18n/po.ts';
import { localeSource } from '../../../frontend/scripts/i18n/write-locale.ts';
import { loadLocaleFile } from '../../../frontend/scripts/i18n/load-locales.ts';
import type { LocaleModule } from '../../../frontend/src/lib/i18n/types.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const locales = await loadLocales();
const english = locales.get('en')!;

describe('PO export and import', () => {
  it.each([...locales.keys()])('gives back the same %s catalogue', (code) => {
    const locale = locales.get(code)!;
    expect(poToLocale(localeToPo(english, locale))).toEqual(locale);
  });

  it('names each string by its key, with notes, the placeholders and a screenshot', () => {
    const data = po.parse(localeToPo(english, locales.get('de')!));
    const entry = data.translations['desk.cases.total']!;
    const [msgid, e] = Object.entries(entry)[0]!;
    expect(msgid).toBe(english.messages['desk.cases.total']);
    expect(e.msgstr[0]).toBe(locales.get('de')!.messages['desk.cases.total']);
    expect(e.comments?.extracted).toContain('{count}');
    expect(e.comments?.extracted).toContain('ICU plural');
    const landing = Object.values(data.translations['landing.title']!)[0]!;
    expect(landing.comments?.extracted).toContain('test/artifacts/lang-en-XA-landing-360.png');
    expect(data.headers['Language']).toBe('de');
    expect(data.headers['X-Integrity-Desk-Status']).toBe('complete');
  });

  it('turns a translator’s PO for a new language into a community draft of what they did', async () => {
    const draft: LocaleModule = {
      meta: { code: 'hz', name: 'Otjiherero', dir: 'ltr', status: 'community-draft' },
      messages: {},
    };
    const data = po.parse(localeToPo(english, draft));
    // The translator fills two entries and leaves one marked fuzzy (unsure): not imported.
    Object.values(data.translations['app.back']!)[0]!.msgstr = ['Konyima'];
    Object.values(data.translations['channel.choose']!)[0]!.msgstr = ['Toorora {name}'];
    const fuzzy = Object.values(data.translations['app.next']!)[0]!;
    fuzzy.msgstr = ['Komurungu'];
    fuzzy.comments = { ...fuzzy.comments, flag: 'fuzzy' };
    const back = poToLocale(po.compile(data).toString());
    expect(back.meta).toEqual(draft.meta);
    expect(back.messages).toEqual({ 'app.back': 'Konyima', 'channel.choose': 'Toorora {name}' });

    // Written as a locale file, it loads as the same catalogue.
    const file = join(mkdtempSync(join(tmpdir(), 'locale-')), 'hz.ts');
    writeFileSync(file, localeSource(english, back, 'test'));
    expect(await loadLocaleFile(file)).toEqual(back);
  });
});
