// ICU MessageFormat through FormatJS's intl-messageformat: plural rules (CLDR, via
// Intl.PluralRules), select, and numbers and dates in the message's own language.
// Pure: the language is a parameter, so the same code runs in the browser, the PDF and tests.
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageParams } from './types';

const compiled = new Map<string, IntlMessageFormat>();

function compile(code: string, template: string): IntlMessageFormat {
  const id = `${code}\u0000${template}`;
  let format = compiled.get(id);
  if (!format) {
    // ignoreTag: messages are text, never markup; '<' is just a character.
    format = new IntlMessageFormat(template, code, undefined, { ignoreTag: true });
    compiled.set(id, format);
  }
  return format;
}

/**
 * Fills an ICU message. A message that does not parse or lacks a value degrades to the
 * template with its simple {placeholders} filled (the page shows something rather than
 * throwing); the build's catalogue check keeps such messages out of every catalogue.
 */
export function formatMessage(code: string, template: string, params: MessageParams = {}): string {
  try {
    const out = compile(code, template).format(params);
    return Array.isArray(out) ? out.join('') : String(out);
  } catch {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  }
}

/**
 * A calendar date at day precision (coarse on purpose), written the language's way. A language
 * the browser has no calendar data for (Oshiwambo, Otjiherero, Rukwangali, Silozi: CLDR lacks
 * them) gets the date in digits, day first as in Namibia, never an English month name.
 */
export function formatDateIn(code: string, iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (Intl.DateTimeFormat.supportedLocalesOf([code]).length === 0)
    return new Intl.DateTimeFormat('en-NA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(date);
  return new Intl.DateTimeFormat(code, { year: 'numeric', month: 'long', day: 'numeric' }).format(
    date,
  );
}

export function formatNumberIn(code: string, value: number): string {
  return new Intl.NumberFormat(code).format(value);
}

/** "a, b and c" in the language's own words (Intl.ListFormat), never joined by hand. */
export function formatListIn(code: string, items: readonly string[]): string {
  return new Intl.ListFormat(code, { style: 'short', type: 'unit' }).format(items);
}

/**
 * A file size with the language's digits and unit (1,5 MB in German, 1,5 Mo in French), in
 * decimal units as file managers show them.
 */
export function formatBytesIn(code: string, bytes: number): string {
  const [unit, value] =
    bytes < 1000
      ? (['byte', bytes] as const)
      : bytes < 1000 * 1000
        ? (['kilobyte', bytes / 1000] as const)
        : bytes < 1000 * 1000 * 1000
          ? (['megabyte', bytes / 1000 / 1000] as const)
          : (['gigabyte', bytes / 1000 / 1000 / 1000] as const);
  return new Intl.NumberFormat(code, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: unit === 'byte' ? 0 : 1,
  }).format(value);
}
