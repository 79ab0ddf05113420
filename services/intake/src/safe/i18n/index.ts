/**
 * The no-JavaScript pages' languages. Without scripts the choice can only travel in the URL
 * (`?lang=de` on every link and form action), so the server sees it; on this path it already sees
 * what is written while it seals it (SECURITY.md, "The no-JavaScript path"). English keeps its
 * URLs without the parameter. An unknown or missing code is English.
 */
import type { ProblemKind } from '../../http/problem.ts';
import { af } from './af.ts';
import { ar } from './ar.ts';
import { de } from './de.ts';
import { en, type SafeMessages } from './en.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';

export type { SafeMessages };

export interface SafeLocale {
  readonly code: string;
  /** The language's name in itself, so a reader finds theirs without reading English. */
  readonly name: string;
  readonly dir: 'ltr' | 'rtl';
  readonly m: SafeMessages;
}

export const safeLocales: readonly SafeLocale[] = [
  { code: 'en', name: 'English', dir: 'ltr', m: en },
  { code: 'af', name: 'Afrikaans', dir: 'ltr', m: af },
  { code: 'de', name: 'Deutsch', dir: 'ltr', m: de },
  { code: 'pt', name: 'Português', dir: 'ltr', m: pt },
  { code: 'fr', name: 'Français', dir: 'ltr', m: fr },
  { code: 'ar', name: 'العربية', dir: 'rtl', m: ar },
];

const english = safeLocales[0]!;

export function safeLocale(requested: unknown): SafeLocale {
  return safeLocales.find((l) => l.code === requested) ?? english;
}

/** `path` in `locale`: the same path for English, `?lang=` added for any other. */
export function inLanguage(path: string, locale: SafeLocale): string {
  return locale === english ? path : `${path}?lang=${locale.code}`;
}

/** A message with its `{name}` slots filled (the page escapes the result, as any text). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) =>
    name in values ? String(values[name]) : slot,
  );
}

const problemMessages: Partial<Record<ProblemKind, keyof SafeMessages>> = {
  formRefused: 'errorFormRefused',
  answersMissing: 'errorAnswersMissing',
  invalidRequest: 'errorInvalid',
  unsupportedMediaType: 'errorInvalid',
  unknownChannel: 'errorUnknownChannel',
  notFound: 'errorNotFound',
  rateLimited: 'errorRateLimited',
  unavailable: 'errorBusy',
  recipientsUnverified: 'errorRecipients',
  sessionRefused: 'errorReceipt',
  reportClosed: 'errorClosed',
  tooLarge: 'errorTooLarge',
  storageFull: 'errorStorage',
  storageUnavailable: 'errorStorage',
};

/** What an error page says for a problem: a fixed text per kind, never an error's message. */
export function problemText(locale: SafeLocale, kind: ProblemKind): string {
  const key = problemMessages[kind];
  return key ? locale.m[key] : locale.m.errorOther;
}
