// Per-string fallback to English in a community draft. t() wraps an English stand-in in two
// private-use characters; the page's marker (./fallback-marker.ts) strips them from the DOM and
// marks the element lang="en" with a visible class, so readers and screen readers know the
// sentence is English. Anything that leaves the page (the PDF, the clipboard) uses plain text.
export const FALLBACK_OPEN = '\uF8F0';
export const FALLBACK_CLOSE = '\uF8F1';
const marks = /[\uF8F0\uF8F1]/g;

export function markFallback(text: string): string {
  return FALLBACK_OPEN + text + FALLBACK_CLOSE;
}

export function hasFallback(text: string): boolean {
  return text.includes(FALLBACK_OPEN);
}

export function stripFallback(text: string): string {
  return text.replace(marks, '');
}
