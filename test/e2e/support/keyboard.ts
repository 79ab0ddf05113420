// Operating a page with the keyboard alone, as a person without a mouse does: Tab and
// Shift+Tab to move, Enter, Space and arrow keys to act. Every element the focus lands on is
// checked for a visible focus indicator (an outline or a box shadow), and whatever lacks one is
// collected for the spec to assert on. No click, no focus() call from the test.
import type { Page } from 'playwright-core';

export interface Focused {
  /** tag#id or tag:text, e.g. "button:Next", "input#handle", "a:Make a report". */
  what: string;
  id: string;
  text: string;
  inMain: boolean;
  indicator: boolean;
}

export class KeyboardUser {
  /** Elements that took the focus without showing it, with the page they were on. */
  readonly missingIndicator: string[] = [];

  constructor(readonly page: Page) {}

  async focused(): Promise<Focused> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) {
        return { what: 'body', id: '', text: '', inMain: false, indicator: true };
      }
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
      const label =
        (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ??
        el.getAttribute('aria-label') ??
        '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60) || label;
      const tag = el.tagName.toLowerCase();
      return {
        what: el.id ? `${tag}#${el.id}` : `${tag}:${text}`,
        id: el.id,
        text,
        inMain: !!el.closest('main'),
        indicator: outline || shadow,
      };
    });
  }

  /** One key; if it moved the focus, the new element must show it. */
  async press(key: string): Promise<Focused> {
    await this.page.keyboard.press(key);
    const now = await this.focused();
    if (!now.indicator)
      this.missingIndicator.push(`${new URL(this.page.url()).pathname} ${now.what}`);
    return now;
  }

  /** Tab (or Shift+Tab) until `wanted` has the focus; fails after `max` presses. */
  async tabTo(
    wanted: string | ((f: Focused) => boolean),
    options: { back?: boolean; max?: number } = {},
  ) {
    const match =
      typeof wanted === 'string' ? (f: Focused) => f.what === wanted || f.id === wanted : wanted;
    const seen: string[] = [];
    if (match(await this.focused())) return;
    for (let i = 0; i < (options.max ?? 60); i++) {
      const now = await this.press(options.back ? 'Shift+Tab' : 'Tab');
      if (match(now)) return;
      seen.push(now.what);
    }
    throw new Error(
      `never reached ${String(wanted)} by keyboard; went through ${seen.join(' | ')}`,
    );
  }

  async type(text: string) {
    await this.page.keyboard.type(text);
  }

  /** Replaces a text field's content: select all, then type. */
  async retype(text: string) {
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(text);
  }
}

/** Where the focus may sensibly be right after a page change: the page's start or its main. */
export function atPageStart(f: Focused): boolean {
  return f.what === 'body' || f.id === 'main' || f.what.startsWith('h1');
}
