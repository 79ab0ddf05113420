// Catalogues as gettext PO files, the format translators' tools (Poedit, Weblate, Virtaal,
// OmegaT, Lokalize) read. One entry per message: msgctxt is the key, msgid the English ICU
// message, msgstr the translation (empty until translated). Each entry carries what a translator
// needs: where it shows (a screenshot from the pseudo-locale browser test, in which every
// interface string is bracketed and accented so it can be found), what the placeholders are
// and, for plurals, which forms the language needs. The language's metadata rides in the header.
import { po, type PoData, type PoEntry } from 'gettext-parser';
import { neededPluralCategories } from '../../src/lib/i18n/checks.ts';
import { argumentNames, parseMessage, pluralSelectors } from '../../src/lib/i18n/icu.ts';
import type { LocaleMeta, LocaleModule, Messages } from '../../src/lib/i18n/types.ts';

const HEADER = 'X-Integrity-Desk-';

/** Where each part of the interface is seen: the browser tests' screenshots of en-XA. */
const screens: [prefix: string, screenshot: string][] = [
  ['landing.', 'landing'],
  ['app.', 'landing'],
  ['nav.', 'landing'],
  ['channel.', 'channels'],
  ['questions.', 'question-choice'],
  ['evidence.warn', 'evidence-warning'],
  ['evidence.', 'evidence'],
  ['review.', 'review'],
  ['submit.', 'submit'],
  ['receipt.', 'receipt'],
  ['returnRefused.', 'return'],
  ['return.', 'return'],
  ['case.', 'case'],
  ['status.', 'case'],
  ['outcome.', 'case'],
  ['timeline.', 'case'],
];

export function screenshotOf(key: string): string {
  const found = screens.find(([prefix]) => key.startsWith(prefix));
  // The desk's pages are screenshotted by the desk browser tests, in English.
  if (!found) return 'test/artifacts/ (desk pages: desk-*.png, case-*.png, keyboard-*.png)';
  return `test/artifacts/lang-en-XA-${found[1]}-360.png`;
}

function notesFor(key: string, english: string, code: string): string {
  const notes: string[] = [];
  const tree = parseMessage(english);
  const names = [...argumentNames(tree)];
  if (names.length > 0)
    notes.push(`Keep the placeholders exactly: ${names.map((n) => `{${n}}`).join(' ')}.`);
  if (pluralSelectors(tree).size > 0)
    notes.push(
      `ICU plural: write one branch per form your language needs (${neededPluralCategories(code).join(', ')}); # is the number.`,
    );
  notes.push(`Screenshot: ${screenshotOf(key)}`);
  return notes.join('\n');
}

/** A language as a PO file, every English key in order; untranslated ones have msgstr "". */
export function localeToPo(english: LocaleModule, locale: LocaleModule): string {
  const own = locale.messages as Record<string, string | undefined>;
  const { meta } = locale;
  const translations: PoData['translations'] = { '': { '': { msgid: '', msgstr: [''] } } };
  for (const [key, source] of Object.entries(english.messages as Record<string, string>)) {
    const entry: PoEntry = {
      msgctxt: key,
      msgid: source,
      msgstr: [own[key] ?? ''],
      comments: { extracted: notesFor(key, source, meta.code), reference: `key:${key}` },
    };
    translations[key] = { [source]: entry };
  }
  const headers: Record<string, string> = {
    'Project-Id-Version': 'Integrity Desk',
    Language: meta.code,
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Transfer-Encoding': '8bit',
    [`${HEADER}Name`]: meta.name,
    [`${HEADER}Dir`]: meta.dir,
    [`${HEADER}Status`]: meta.status,
    [`${HEADER}Reviewed-By`]: meta.reviewedBy ?? '',
  };
  return po.compile({ charset: 'utf-8', headers, translations }, { foldLength: 0 }).toString();
}

/** A PO file back as a language: translated entries only; fuzzy ones are not translations. */
export function poToLocale(text: string): LocaleModule {
  const data = po.parse(text, { defaultCharset: 'utf-8' });
  const h = data.headers;
  const dir = h[`${HEADER}Dir`] === 'rtl' ? 'rtl' : 'ltr';
  const status = h[`${HEADER}Status`] === 'complete' ? 'complete' : 'community-draft';
  const meta: LocaleMeta = {
    code: h['Language'] ?? '',
    name: h[`${HEADER}Name`] ?? '',
    dir,
    status,
  };
  const reviewedBy = h[`${HEADER}Reviewed-By`]?.trim();
  if (reviewedBy) meta.reviewedBy = reviewedBy;
  const messages: Record<string, string> = {};
  for (const [context, entries] of Object.entries(data.translations)) {
    if (context === '') continue;
    for (const entry of Object.values(entries)) {
      const value = entry.msgstr[0] ?? '';
      if (value === '' || entry.comments?.flag?.includes('fuzzy')) continue;
      messages[context] = value;
    }
  }
  return { meta, messages: messages as Messages };
}
