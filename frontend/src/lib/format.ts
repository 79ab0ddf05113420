// Dates, numbers, sizes and lists in the page's current language, all through Intl.
import { currentLocale } from '$lib/i18n';
import { formatBytesIn, formatDateIn, formatListIn, formatNumberIn } from '$lib/i18n/format';

/** Dates at day precision (coarse on purpose), in the chosen language. */
export function formatDate(iso: string | null | undefined): string {
  return formatDateIn(currentLocale().code, iso);
}

export function formatNumber(value: number): string {
  return formatNumberIn(currentLocale().code, value);
}

export function formatSize(bytes: number): string {
  return formatBytesIn(currentLocale().code, bytes);
}

export function formatList(items: readonly string[]): string {
  return formatListIn(currentLocale().code, items);
}
