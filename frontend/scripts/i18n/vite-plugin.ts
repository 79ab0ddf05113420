// The build's side of the languages: answers `locales/xx.ts?meta` with the file's metadata only
// (so the switcher can list every language without loading any catalogue), and checks every
// catalogue once per build, printing each language's completeness. A fatal problem (unknown key,
// placeholder mismatch, a complete language missing a key) fails the build.
import type { Plugin } from 'vite';
import { checkLocale, formatReport } from '../../src/lib/i18n/checks.ts';
import { loadLocaleFile, loadLocales } from './load-locales.ts';

const metaQuery = /[/\\]locales[/\\][^/\\]+\.ts\?meta$/;

export async function checkCatalogues(): Promise<{ lines: string[]; failed: boolean }> {
  const locales = await loadLocales();
  const english = locales.get('en');
  if (!english) return { lines: ['i18n: no English catalogue'], failed: true };
  const reports = [...locales].map(([code, locale]) =>
    checkLocale(english.messages as Record<string, string>, locale, code),
  );
  return { lines: formatReport(reports), failed: reports.some((r) => r.errors.length > 0) };
}

export function i18nCatalogues(): Plugin {
  return {
    name: 'integrity-desk-i18n',
    async load(id) {
      if (!metaQuery.test(id)) return undefined;
      const file = id.replace(/\?meta$/, '');
      this.addWatchFile(file);
      const { meta } = await loadLocaleFile(file);
      return `export default ${JSON.stringify(meta)};`;
    },
    async buildStart() {
      // Kit builds the client and the server; report once.
      if (this.environment?.name !== 'client') return;
      const { lines, failed } = await checkCatalogues();
      for (const line of lines) console.log(line);
      if (failed) this.error('i18n: a catalogue has errors (listed above)');
    },
  };
}
