// Reads the catalogues in Node (build, npm scripts) exactly as the browser gets them: each
// locale file is compiled from TypeScript and imported. A locale file may import types only.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformWithOxc } from 'vite';
import type { LocaleModule } from '../../src/lib/i18n/types.ts';

export const localesDir = resolve(fileURLToPath(import.meta.url), '../../../src/lib/i18n/locales');

export async function loadLocaleFile(file: string): Promise<LocaleModule> {
  const { code } = await transformWithOxc(readFileSync(file, 'utf8'), file, { lang: 'ts' });
  const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
  const mod = (await import(url)) as { default: LocaleModule };
  return mod.default;
}

/** A language file is named by its BCP 47 code; locale.ts (a type) and others are not. */
export const isLanguageFile = (name: string) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*\.ts$/.test(name);

/** Every catalogue in the folder, by file code (`de.ts` is 'de'), English included. */
export async function loadLocales(dir = localesDir): Promise<Map<string, LocaleModule>> {
  const files = readdirSync(dir).filter(isLanguageFile).sort();
  const out = new Map<string, LocaleModule>();
  for (const f of files) out.set(f.slice(0, -3), await loadLocaleFile(join(dir, f)));
  return out;
}
