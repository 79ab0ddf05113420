// Text for the case file PDF: which embedded font draws each character, where lines break, and
// in which order the pieces of a right-to-left line go. Pure; works on pdf-lib's PDFFont only
// through the small Face interface, so it is tested without a PDF.
//
// Scripts: a face is a list of fonts in order of preference (Noto Sans Latin first, then Latin
// Extended, Greek, Cyrillic, Hebrew); each character goes to the first font that has it, and
// neutral characters (spaces, punctuation, digits) stay with the run they are in when that font
// has them. A character no font has is drawn as REPLACEMENT and counted, so the file says how
// many characters it could not draw (the case page shows the original).
//
// Arabic (and every script whose letters must be shaped: Syriac, Thaana, the Indic scripts) is
// not drawn: pdf-lib places each glyph at its plain advance and ignores the font's positioning,
// and Noto's Arabic builds letters from a body and dots placed by that positioning. Drawn, it
// came out with dots astray and letters overlapping (checked in a rendering of the PDF), which
// would misquote a whistleblower; shown as "?" and counted, it sends the reader to the case page.
//
// Right-to-left text (Hebrew): a line whose first strong character is right-to-left is
// right-aligned and its runs are drawn in reverse order, each run's characters right to left
// (the font engine lays a Hebrew run out that way). That is a simplified bidi, not the full
// Unicode algorithm: numbers or Latin words inside a Hebrew sentence come out in the right
// place in common cases, not in every nesting.

export interface FontLike {
  /** Unicode code points the font has a glyph for. */
  readonly codePoints: ReadonlySet<number>;
  widthOfTextAtSize(text: string, size: number): number;
}

export type Face = readonly FontLike[];

export interface Run {
  font: number;
  text: string;
}

export const REPLACEMENT = '?';

/** Format characters (bidi marks, zero-width joiners, BOM) are dropped, not counted. */
const FORMAT = /\p{Cf}/u;
const CONTROL = /\p{Cc}/u;
const NEUTRAL = /[\p{Zs}\p{P}\p{S}\p{N}]/u;
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;
const STRONG = /\p{L}/u;
/** Scripts whose letters must be shaped to be read (see above): never drawn, whatever the font. */
const SHAPED =
  /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Gujarati}\p{Script=Gurmukhi}\p{Script=Oriya}\p{Script=Sinhala}\p{Script=Myanmar}\p{Script=Khmer}]/u;

/** Splits text into runs of one font each; `missing` counts characters no font has. */
export function runsOf(face: Face, text: string): { runs: Run[]; missing: number } {
  const runs: Run[] = [];
  let missing = 0;
  for (let ch of text) {
    if (ch === '\t') ch = ' ';
    else if (CONTROL.test(ch) || FORMAT.test(ch)) continue;
    const cp = ch.codePointAt(0)!;
    const last = runs[runs.length - 1];
    let font: number;
    if (last && NEUTRAL.test(ch) && face[last.font]!.codePoints.has(cp)) font = last.font;
    else {
      font = SHAPED.test(ch) ? -1 : face.findIndex((f) => f.codePoints.has(cp));
      if (font < 0) {
        missing += 1;
        ch = REPLACEMENT;
        font = 0;
      }
    }
    if (last && last.font === font) last.text += ch;
    else runs.push({ font, text: ch });
  }
  return { runs, missing };
}

export function widthOf(face: Face, runs: readonly Run[], size: number): number {
  return runs.reduce((sum, r) => sum + face[r.font]!.widthOfTextAtSize(r.text, size), 0);
}

/** True when the first strong (letter) character of the text is right-to-left. */
export function isRightToLeft(text: string): boolean {
  for (const ch of text) if (STRONG.test(ch)) return RTL.test(ch);
  return false;
}

/**
 * Breaks text into lines no wider than `max`: at the text's own line breaks (kept, empty lines
 * too), then between words, and inside a word only when it alone is wider than a line.
 */
export function wrap(face: Face, text: string, size: number, max: number): string[] {
  const fits = (s: string) => widthOf(face, runsOf(face, s).runs, size) <= max;
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    for (const token of paragraph.split(/(\s+)/)) {
      if (token === '') continue;
      if (fits(line + token)) {
        line += token;
        continue;
      }
      if (line.trim() !== '') lines.push(line.trimEnd());
      line = /^\s+$/.test(token) ? '' : token;
      // A word longer than a line (a URL, a hash): cut it where the line is full.
      while (!fits(line) && [...line].length > 1) {
        const chars = [...line];
        let cut = chars.length - 1;
        while (cut > 1 && !fits(chars.slice(0, cut).join(''))) cut -= 1;
        lines.push(chars.slice(0, cut).join(''));
        line = chars.slice(cut).join('');
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** The runs of one line in drawing order (left to right on the page), and its alignment. */
export function visualLine(face: Face, line: string): { runs: Run[]; rtl: boolean } {
  const { runs } = runsOf(face, line);
  const rtl = isRightToLeft(line);
  return { runs: rtl ? [...runs].reverse() : runs, rtl };
}
