// The catalogue checks the build runs on every language (and `npm test` through the build).
// Fatal: an unknown key, a message that does not parse, a placeholder the English message does
// not have (or lacks one it has), bad metadata, and in a language marked complete a missing key
// or a missing plural form. A community draft may lack keys: those show in English, marked.
import { argumentNames, parseMessage, pluralSelectors } from './icu.ts';
import type { LocaleModule } from './types.ts';

export interface LocaleReport {
  code: string;
  status: string;
  reviewed: boolean;
  total: number;
  translated: number;
  percent: number;
  missing: string[];
  /** Problems that fail the build. */
  errors: string[];
  /** Worth a translator's look, never fatal. */
  warnings: string[];
}

const sorted = (s: Set<string>) => [...s].sort().join(', ') || 'none';

const CLDR_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];
const inOrder = (found: Set<string>) => CLDR_ORDER.filter((c) => found.has(c));

/** The CLDR plural categories of a language for cardinal numbers ('one', 'few', ...). */
export function pluralCategories(code: string): string[] {
  return inOrder(new Set(new Intl.PluralRules(code).resolvedOptions().pluralCategories));
}

/**
 * The categories a plural message must have: those whole counts up to 1,000 fall in. French and
 * Portuguese 'many' is for millions ("1 000 000 de jours"), which nothing here counts.
 */
export function neededPluralCategories(code: string): string[] {
  const rules = new Intl.PluralRules(code);
  const found = new Set<string>();
  for (let n = 0; n <= 1000; n++) found.add(rules.select(n));
  return inOrder(found);
}

function checkMessage(
  code: string,
  key: string,
  english: string,
  message: string,
  complete: boolean,
) {
  const errors: string[] = [];
  const warnings: string[] = [];
  let tree;
  try {
    tree = parseMessage(message);
  } catch (e) {
    return { errors: [`${key}: not valid ICU MessageFormat (${(e as Error).message})`], warnings };
  }
  const want = argumentNames(parseMessage(english));
  const have = argumentNames(tree);
  if (sorted(want) !== sorted(have))
    errors.push(`${key}: placeholders {${sorted(have)}} differ from English {${sorted(want)}}`);
  const needed = neededPluralCategories(code);
  for (const [name, selectors] of pluralSelectors(tree)) {
    const lacking = needed.filter((c) => !selectors.has(c));
    if (lacking.length === 0) continue;
    const line = `${key}: plural {${name}} lacks the ${code} form(s) ${lacking.join(', ')}`;
    (complete ? errors : warnings).push(line);
  }
  return { errors, warnings };
}

export function checkLocale(
  english: Record<string, string>,
  locale: LocaleModule,
  fileCode: string,
): LocaleReport {
  const { meta } = locale;
  const complete = meta.status === 'complete';
  const errors: string[] = [];
  const warnings: string[] = [];
  if (meta.code !== fileCode)
    errors.push(`meta.code '${meta.code}' is not the file's '${fileCode}'`);
  if (meta.dir !== 'ltr' && meta.dir !== 'rtl') errors.push(`meta.dir must be 'ltr' or 'rtl'`);
  if (meta.status !== 'complete' && meta.status !== 'community-draft')
    errors.push(`meta.status must be 'complete' or 'community-draft'`);
  if (!meta.name) errors.push('meta.name (the endonym) is empty');

  const messages = locale.messages as Record<string, string | undefined>;
  for (const key of Object.keys(messages))
    if (!(key in english)) errors.push(`${key}: unknown key (not in the English catalogue)`);

  const missing: string[] = [];
  let translated = 0;
  for (const [key, source] of Object.entries(english)) {
    const message = messages[key];
    if (message === undefined || message === '') {
      missing.push(key);
      continue;
    }
    translated++;
    const found = checkMessage(meta.code, key, source, message, complete);
    errors.push(...found.errors);
    warnings.push(...found.warnings);
  }
  if (complete && missing.length > 0)
    errors.push(`marked complete but ${missing.length} key(s) missing: ${missing.join(', ')}`);
  const total = Object.keys(english).length;
  return {
    code: fileCode,
    status: meta.status,
    reviewed: Boolean(meta.reviewedBy),
    total,
    translated,
    percent: total === 0 ? 100 : Math.floor((translated / total) * 1000) / 10,
    missing,
    errors,
    warnings,
  };
}

const listed = (keys: string[]) =>
  keys.length > 8 ? `${keys.slice(0, 8).join(', ')}, …` : keys.join(', ');

/** The lines the build prints: one per language, then each problem. */
export function formatReport(reports: LocaleReport[]): string[] {
  const lines: string[] = [];
  for (const r of reports) {
    const state = r.status === 'complete' ? 'complete' : 'community draft';
    const review = r.reviewed ? 'reviewed' : 'not reviewed';
    lines.push(
      `i18n ${r.code.padEnd(6)} ${String(r.percent).padStart(5)}%  ${r.translated}/${r.total} keys  ${state}, ${review}` +
        (r.missing.length ? `  missing ${r.missing.length}: ${listed(r.missing)}` : ''),
    );
    for (const e of r.errors) lines.push(`  ERROR ${e}`);
    for (const w of r.warnings) lines.push(`  warning ${w}`);
  }
  return lines;
}
