import { en, type Catalogue, type MessageKey } from './en';

export type { MessageKey } from './en';

// One catalogue per language; English is the fallback for any key a translation lacks.
const catalogues: Record<string, Partial<Catalogue>> = { en };
let current: Partial<Catalogue> = en;

export function setLanguage(code: string): void {
  current = catalogues[code] ?? en;
}

/** Looks up a message and fills its {placeholders}. Unknown placeholders stay visible. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = current[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A message for a key built at run time (status, event type), with a fallback key. */
export function tOr(
  key: string,
  fallback: MessageKey,
  params: Record<string, string | number> = {},
) {
  return key in en ? t(key as MessageKey, params) : t(fallback, params);
}
