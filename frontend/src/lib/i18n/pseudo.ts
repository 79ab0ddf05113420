// The pseudo-locale en-XA, generated from English whenever it is needed (never a catalogue
// file to maintain): every letter accented, vowels doubled so text grows about 40%, each message
// in brackets. A string that shows plain in en-XA was never translated; a page that overflows in
// en-XA will overflow in German or Portuguese too.
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { parseMessage } from './icu.ts';
import type { LocaleModule, Messages } from './types.ts';

import { PSEUDO_CODE } from './types.ts';

const accents: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Î',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};
const vowels = new Set('aeiouAEIOU');

/** Accents every letter and doubles every vowel: "Report" becomes "Ŕéépöörţ". */
export function pseudoText(text: string): string {
  let out = '';
  for (const ch of text) {
    const accented = accents[ch] ?? ch;
    out += vowels.has(ch) ? accented + accented : accented;
  }
  return out;
}

function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: pseudoText(el.value) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(el.options).map(([k, o]) => [k, { ...o, value: pseudoElements(o.value) }]),
      );
      return { ...el, options };
    }
    return el;
  });
}

/** One message in the pseudo-locale; its placeholders and plural structure untouched. */
export function pseudoMessage(message: string): string {
  return `[${printAST(pseudoElements(parseMessage(message)))}]`;
}

export function pseudoLocale(english: LocaleModule): LocaleModule {
  const messages: Record<string, string> = {};
  for (const [key, message] of Object.entries(english.messages))
    if (message !== undefined) messages[key] = pseudoMessage(message);
  return {
    meta: { code: PSEUDO_CODE, name: pseudoText('Pseudo'), dir: 'ltr', status: 'complete' },
    messages: messages as Messages,
  };
}
