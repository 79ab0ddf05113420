// The language of the page: one current catalogue, English underneath as the per-string fallback.
// English is in every first load; any other language is a separate chunk loaded on choice
// (./registry.ts), so each language's first load stays small.
import en from './locales/en';
import { markFallback, stripFallback } from './fallback';
import { formatMessage } from './format';
import type { LocaleMeta, LocaleModule, MessageKey, MessageParams, Messages } from './types';

export type { LocaleMeta, LocaleModule, MessageKey, Messages } from './types';

let meta: LocaleMeta = en.meta;
let messages: Messages = en.messages;
const listeners = new Set<(meta: LocaleMeta) => void>();

/** Makes a loaded catalogue current and tells the page (lang, dir, re-render). */
export function useLocale(locale: LocaleModule): void {
  meta = locale.meta;
  messages = locale.messages;
  for (const listener of listeners) listener(meta);
}

export function onLocaleChange(listener: (meta: LocaleMeta) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentLocale(): LocaleMeta {
  return meta;
}

/**
 * The message for `key` in the current language, its ICU placeholders and plurals filled.
 * A key the language lacks (only a community draft may) is the English message, marked.
 */
export function t(key: MessageKey, params: MessageParams = {}): string {
  const own = messages[key];
  if (own !== undefined) return formatMessage(meta.code, own, params);
  return markFallback(formatMessage('en', en.messages[key], params));
}

/** t() without the fallback marks: for text that leaves the page (PDF, clipboard, title). */
export function tText(key: MessageKey, params: MessageParams = {}): string {
  return stripFallback(t(key, params));
}

/** A message for a key built at run time (status, event type), with a fallback key. */
export function tOr(key: string, fallback: MessageKey, params: MessageParams = {}) {
  return key in en.messages ? t(key as MessageKey, params) : t(fallback, params);
}

export function tOrText(key: string, fallback: MessageKey, params: MessageParams = {}) {
  return stripFallback(tOr(key, fallback, params));
}

/** A page's <title>: the page's name, then the site's, in the language's order. */
export function pageTitle(key: MessageKey, params: MessageParams = {}): string {
  return tText('app.pageTitle', { page: tText(key, params), app: tText('app.name') });
}
