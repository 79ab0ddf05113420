// The visitor's language choice: kept in this tab's sessionStorage for the visit, so it survives
// a reload but no cookie, header or request carries it: the server never learns it, and it is
// gone when the tab closes. Accept-Language is never read (Tor Browser sends the same one for
// everyone, and using it would single out whoever changed it). `#lang=xx` in the address picks a
// language too (the pseudo-locale en-XA is reached that way).
import { useLocale } from './index';
import { fetchEveryLocale, loadLocale } from './registry';

const KEY = 'integrity-desk.lang';

function stored(): string | undefined {
  const fromFragment = /(?:^#|&)lang=([\w-]+)/.exec(location.hash)?.[1];
  if (fromFragment) return fromFragment;
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined; // storage disabled: the choice lasts for this page only
  }
}

/** Loads the language and makes it the page's; false if no catalogue has that code. */
export async function chooseLanguage(code: string): Promise<boolean> {
  const locale = await loadLocale(code);
  if (!locale) return false;
  useLocale(locale);
  try {
    sessionStorage.setItem(KEY, code);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
  return true;
}

/**
 * At start: every catalogue is fetched (the same requests whatever was chosen), then the
 * language chosen earlier in this tab, if any, is applied (English otherwise).
 */
export async function restoreLanguage(): Promise<void> {
  await fetchEveryLocale().catch(() => undefined); // offline: a choice then loads on demand
  const code = stored();
  if (code && code !== 'en') await chooseLanguage(code);
}
