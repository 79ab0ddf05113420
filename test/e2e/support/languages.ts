// The languages the browser tests walk (every catalogue marked complete, found by reading the
// locale files, plus the pseudo-locale generated from English) and the check that a page shows
// no English where its language has its own words.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import english from '../../../frontend/src/lib/i18n/locales/en.ts';
import { pseudoLocale } from '../../../frontend/src/lib/i18n/pseudo.ts';
import type { LocaleModule } from '../../../frontend/src/lib/i18n/types.ts';

const localesDir = fileURLToPath(
  new URL('../../../frontend/src/lib/i18n/locales', import.meta.url),
);

/** Each complete language but English, then en-XA; a language `langs` adds is walked too. */
export async function languagesToWalk(): Promise<LocaleModule[]> {
  const files = readdirSync(localesDir).filter(
    (f) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*\.ts$/.test(f) && f !== 'en.ts',
  );
  const found: LocaleModule[] = [];
  for (const file of files.sort()) {
    const mod = (await import(`${localesDir}/${file}`)) as { default: LocaleModule };
    if (mod.default.meta.status === 'complete') found.push(mod.default);
  }
  return [...found, pseudoLocale(english)];
}

const sources = english.messages as Record<string, string>;

/** The literal runs of an ICU message (its words between placeholders and plural branches). */
function literalRuns(message: string): string[] {
  return message
    .split(/[{}#]/)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s) && !/^[\w]+,\s*(plural|select|number)/.test(s));
}

/**
 * English catalogue text on the page that the language translates differently: a whole text
 * node or label equal to an English message, or a run of English words (12 characters or more)
 * from one. `foreign` is text that is not the interface's: what the deployment and the people
 * wrote (questions, channel names, answers, messages).
 */
export async function englishOnPage(
  page: Page,
  locale: LocaleModule,
  foreign: readonly string[],
): Promise<string[]> {
  const { nodes, body } = await page.evaluate(() => {
    const nodes: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.nodeValue?.trim();
      if (text) nodes.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt]'))
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name)?.trim();
        if (value) nodes.push(value);
      }
    return { nodes, body: document.body.innerText };
  });
  let text = body;
  for (const f of foreign) text = text.replaceAll(f, ' ');
  const own = locale.messages as Record<string, string | undefined>;
  const found = new Set<string>();
  for (const [key, source] of Object.entries(sources)) {
    if (own[key] === source) continue; // the language writes it as English does
    if (nodes.includes(source) && !foreign.includes(source)) found.add(`${key}: ${source}`);
    for (const run of literalRuns(source))
      if (run.length >= 12 && run.includes(' ') && text.includes(run)) found.add(`${key}: ${run}`);
  }
  return [...found];
}
