// npm run i18n:import -- translations/<code>.po [--check]
// Reads a translated PO file back into frontend/src/lib/i18n/locales/<code>.ts, after the same
// checks the build runs: a placeholder mismatch, invalid ICU or an unknown key refuses the
// import (nothing is written); missing keys are allowed in a community draft. --check only
// prints the report.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { checkLocale, formatReport } from '../../src/lib/i18n/checks.ts';
import { loadLocales, localesDir } from './load-locales.ts';
import { poToLocale } from './po.ts';
import { localeSource } from './write-locale.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { check: { type: 'boolean' } },
});
if (positionals.length === 0) {
  console.error('usage: npm run i18n:import -- translations/<code>.po [--check]');
  process.exit(1);
}

const english = (await loadLocales()).get('en')!;
let failed = false;
for (const file of positionals) {
  const locale = poToLocale(readFileSync(file, 'utf8'));
  const code = locale.meta.code;
  const report = checkLocale(english.messages as Record<string, string>, locale, code);
  for (const line of formatReport([report])) console.log(line);
  if (report.errors.length > 0 || !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(code)) {
    console.error(`${file}: not imported (fix the errors above)`);
    failed = true;
    continue;
  }
  if (values.check) continue;
  const target = join(localesDir, `${code}.ts`);
  const source = localeSource(english, locale, 'Imported from a PO file.');
  const options = (await resolveConfig(target)) ?? {};
  writeFileSync(target, await format(source, { ...options, filepath: target }));
  console.log(`wrote ${target}`);
}
process.exit(failed ? 1 : 0);
