// Which languages exist and how to load one. Every file in ./locales is found by these globs,
// so adding a language is adding a file. The metas (name, dir, status) are tiny and come with
// the page (the `?meta` query is answered by scripts/i18n/vite-plugin.ts at build time); the
// messages of a language other than English are a chunk of their own, fetched when chosen.
import en from './locales/en';
import { PSEUDO_CODE, type LocaleMeta, type LocaleModule } from './types';

const fileCode = (path: string) => path.replace(/^.*\/([^/]+)\.ts$/, '$1');

// A language file is named by its code (de.ts, pt.ts, ng.ts); locale.ts holds a type only.
// (Vite needs the patterns written out in each call.)
const loaders = import.meta.glob<LocaleModule>(
  ['./locales/*.ts', '!./locales/en.ts', '!./locales/locale.ts'],
  { import: 'default' },
);
const metas = import.meta.glob<LocaleMeta>(
  ['./locales/*.ts', '!./locales/en.ts', '!./locales/locale.ts'],
  {
    query: '?meta',
    import: 'default',
    eager: true,
  },
);

/** The languages the switcher offers: English first, then by code. */
export const offeredLocales: readonly LocaleMeta[] = [
  en.meta,
  ...Object.values(metas).sort((a, b) => a.code.localeCompare(b.code)),
];

/** Loads a language by code; undefined for a code no file provides. */
export async function loadLocale(code: string): Promise<LocaleModule | undefined> {
  if (code === 'en') return en;
  // en-XA is generated from English in the browser, never shipped as a catalogue; it is not
  // offered in the switcher (tests and translators reach it with #lang=en-XA).
  if (code === PSEUDO_CODE) return (await import('./pseudo')).pseudoLocale(en);
  const entry = Object.entries(loaders).find(([path]) => fileCode(path) === code);
  return entry ? entry[1]() : undefined;
}
