// npm run i18n:export -- [code] [--name Endonym] [--dir ltr|rtl] [--out file.po]
// Writes translations/<code>.po for translators: every English message with its key, notes and
// screenshot, and the language's current translation (empty for what is missing). A code with
// no catalogue yet starts a community draft (give its --name, the language's name for itself).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadLocales } from './load-locales.ts';
import { localeToPo } from './po.ts';
import type { LocaleModule } from '../../src/lib/i18n/types.ts';

const root = resolve(import.meta.dirname, '../../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' }, dir: { type: 'string' }, out: { type: 'string' } },
});

const locales = await loadLocales();
const english = locales.get('en')!;
const codes = positionals.length > 0 ? positionals : [...locales.keys()].filter((c) => c !== 'en');

for (const code of codes) {
  let locale: LocaleModule | undefined = locales.get(code);
  if (!locale) {
    if (!values.name) {
      console.error(`No catalogue for '${code}' yet: give the language's own name with --name.`);
      process.exit(1);
    }
    const dir = values.dir === 'rtl' ? 'rtl' : 'ltr';
    locale = { meta: { code, name: values.name, dir, status: 'community-draft' }, messages: {} };
  }
  const out =
    values.out && codes.length === 1 ? values.out : join(root, 'translations', `${code}.po`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, localeToPo(english, locale));
  console.log(`wrote ${out}`);
}
