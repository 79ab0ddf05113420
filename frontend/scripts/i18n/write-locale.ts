// A language as the TypeScript file the registry loads (locales/<code>.ts), in English's key
// order, so an import from PO changes only the lines a translator changed.
import type { LocaleModule } from '../../src/lib/i18n/types.ts';

const quote = (s: string) =>
  `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;

export function localeSource(english: LocaleModule, locale: LocaleModule, note: string): string {
  const { meta } = locale;
  const own = locale.messages as Record<string, string | undefined>;
  const lines = Object.keys(english.messages)
    .filter((key) => own[key] !== undefined)
    .map((key) => `    ${quote(key)}: ${quote(own[key]!)},`);
  const metaFields = [
    `code: ${quote(meta.code)}`,
    `name: ${quote(meta.name)}`,
    `dir: ${quote(meta.dir)}`,
    `status: ${quote(meta.status)}`,
    ...(meta.reviewedBy ? [`reviewedBy: ${quote(meta.reviewedBy)}`] : []),
  ];
  return [
    `// ${meta.name} (${meta.code}). ${note}`,
    `// Edit through PO (docs/translating.md): npm run i18n:export, translate, npm run i18n:import.`,
    `import type { LocaleModule } from '../types';`,
    '',
    'export default {',
    `  meta: { ${metaFields.join(', ')} },`,
    '  messages: {',
    ...lines,
    '  },',
    '} satisfies LocaleModule;',
    '',
  ].join('\n');
}
