// Which languages exist and how to load one. Every file in ./locales is found by these globs,
// so adding a language is adding a file. The metas (name, dir, status) are tiny and come with
// the page (the `?meta` query is answered by scripts/i18n/vite-plugin.ts at build time); the
// messages of a language other than English are a chunk of their own. Every page fetches all of
// them at start, whatever the visitor chooses (fetchEveryLocale): a chunk fetched on choice would
// tell the server which language someone chose, and when.
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

/**
 * Fetches every language's catalogue, all at once and in the same order on every page load,
 * before any choice is applied: the server sees the same requests from every visitor, so they
 * say nothing about the language chosen (SECURITY.md, Protocol step 5). Choosing afterwards
 * takes the catalogue from the browser's module map, with no request.
 */
export function fetchEveryLocale(): Promise<unknown> {
  return Promise.all(Object.values(loaders).map((load) => load()));
}

/** Loads a language by code; undefined for a code no file provides. */
export async function loadLocale(code: string): Promise<LocaleModule | undefined> {
  if (code === 'en') return en;
  // en-XA is generated from English in the browser, never shipped as a catalogue; it is not
  // offered in the switcher (tests and translators reach it with #lang=en-XA).
  if (code === PSEUDO_CODE) return (await import('./pseudo')).pseudoLocale(en);
  const entry = Object.entries(loaders).find(([path]) => fileCode(path) === code);
  return entry ? entry[1]() : undefined;
}
