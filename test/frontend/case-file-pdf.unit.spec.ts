// The case file PDF (issue 15), parsed back with PDF.js: what an investigator prints is what was
// decrypted. The answers are there under their questions with their line breaks, every listed
// SHA-256 is the hash of the evidence file it names, Hebrew, Greek and Cyrillic are drawn with
// embedded Noto fonts (not replaced), and what the file cannot draw (Arabic, which pdf-lib
// cannot lay out; emoji; scripts without a font) is marked and counted, never silently lost.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  buildCaseFilePdf,
  sha256Hex,
  type CaseFileFonts,
  type CaseFileModel,
} from '../../frontend/src/lib/casefile/pdf.ts';
import { listedHashes, pdfText as textOf } from '../support/pdf-text.ts';

const require = createRequire(import.meta.url);
const font = (file: string) => new Uint8Array(readFileSync(require.resolve(`@fontsource/${file}`)));
/** The files the desk page fetches (frontend/src/lib/casefile/fonts.ts), in the same order. */
const fonts: CaseFileFonts = {
  regular: [
    'noto-sans/files/noto-sans-latin-400-normal.woff',
    'noto-sans/files/noto-sans-latin-ext-400-normal.woff',
    'noto-sans/files/noto-sans-greek-400-normal.woff',
    'noto-sans/files/noto-sans-cyrillic-400-normal.woff',
    'noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff',
  ].map(font),
  bold: font('noto-sans/files/noto-sans-latin-700-normal.woff'),
};

const evidence = [
  {
    name: 'site.jpg',
    type: 'image/jpeg',
    bytes: new Uint8Array([0xff, 0xd8, 1, 2, 3, 0xff, 0xd9]),
  },
  { name: 'minutes.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4 …') },
];

async function model(answers: { question: string; answer: string }[]): Promise<CaseFileModel> {
  return {
    title: 'Case 0f3a9c21',
    subtitle: ['Report 0f3a9c21-…', 'Exported 5 December 2026 by tjeripo'],
    sections: [
      {
        heading: 'Answers',
        entries: answers.map((a) => ({ label: a.question, text: a.answer })),
      },
      {
        heading: 'Evidence',
        entries: await Promise.all(
          evidence.map(async (e) => ({
            label: `${e.name} · ${e.type} · ${e.bytes.length} bytes`,
            text: `SHA-256 ${await sha256Hex(e.bytes)}`,
            code: true,
          })),
        ),
      },
    ],
    footer: (page, pages) => `Case 0f3a9c21 · confidential · page ${page} of ${pages}`,
    missingNote: (count) =>
      `${count} characters could not be drawn with the embedded fonts and show as ?.`,
  };
}

describe('the case file PDF', () => {
  it('holds the answers under their questions, line by line, and the hash of each file', async () => {
    const answers = [
      {
        question: 'What happened?',
        answer:
          'Tender 17 was awarded to the minister’s cousin.\nThe second bid was lower.\n\nI saw the minutes myself.',
      },
      { question: 'Which organisation is involved?', answer: 'Ministry of Works, Windhoek' },
    ];
    const { items, pages } = await textOf(await buildCaseFilePdf(await model(answers), fonts));
    expect(pages).toBe(1);
    // Each question, then each line of its answer as a line of its own, in order.
    const at = (s: string) => items.indexOf(s);
    expect(at('What happened?')).toBeGreaterThanOrEqual(0);
    expect(at('Tender 17 was awarded to the minister’s cousin.')).toBe(at('What happened?') + 1);
    expect(at('The second bid was lower.')).toBe(at('What happened?') + 2);
    expect(at('I saw the minutes myself.')).toBe(at('What happened?') + 3);
    expect(at('Ministry of Works, Windhoek')).toBe(at('Which organisation is involved?') + 1);
    // The hashes as printed, next to the file they name, are the files' SHA-256.
    const listed = listedHashes(items);
    expect([...listed.keys()]).toEqual(evidence.map((e) => e.name));
    for (const e of evidence)
      expect(listed.get(e.name), e.name).toBe(createHash('sha256').update(e.bytes).digest('hex'));
    expect(items.join('\n')).not.toContain('could not be drawn');
  });

  it('breaks long answers across lines and pages without losing a word', async () => {
    const words = Array.from({ length: 1500 }, (_, i) => `word${i}`);
    const { items, pages } = await textOf(
      await buildCaseFilePdf(await model([{ question: 'Q', answer: words.join(' ') }]), fonts),
    );
    expect(pages).toBeGreaterThan(1);
    const printed = items.flatMap((s) => s.split(' ')).filter((w) => /^word\d+$/.test(w));
    expect(printed).toEqual(words);
    expect(
      items.filter((s) => /^Case 0f3a9c21 · confidential · page \d+ of \d+$/.test(s)),
    ).toHaveLength(pages);
  });

  it('draws Hebrew, Greek and Cyrillic, and marks and counts what it cannot draw', async () => {
    const arabic = ['ما الذي حدث', 'تم منح العطاء لابن عم الوزير'];
    const { items } = await textOf(
      await buildCaseFilePdf(
        await model([
          { question: arabic[0]!, answer: arabic[1]! },
          { question: 'Hebrew', answer: 'המכרז ניתן לבן דודו של השר' },
          { question: 'Greek and Cyrillic', answer: 'Διαφθορά · Коррупция' },
          { question: 'Q', answer: 'Emoji 🙂 and Thai ภาษาไทย' },
        ]),
        fonts,
      ),
    );
    const text = items.join('\n');
    // Hebrew has no joined forms: PDF.js reads it back as written.
    expect(text).toContain('המכרז ניתן לבן דודו של השר');
    // One text item per font run: the Greek word, then the Cyrillic one.
    expect(text).toMatch(/Διαφθορά\n[^]*Коррупция/);
    // Arabic is replaced letter by letter (its words and their order still show), never drawn
    // as misplaced glyphs; emoji and Thai have no font.
    expect(text).not.toMatch(/\p{Script=Arabic}/u);
    expect(items).toContain('?? ???? ???');
    expect(items).toContain('Emoji ? and Thai ???????');
    const letters = arabic.join('').replace(/\s/g, '').length;
    expect(items.join(' ')).toContain(
      `${letters + 1 + 7} characters could not be drawn with the embedded fonts and show as ?.`,
    );
  });

  it('keeps the case out of the metadata', async () => {
    const pdf = await buildCaseFilePdf(
      await model([{ question: 'Q', answer: 'Only in the page text' }]),
      fonts,
    );
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const { info } = await (await pdfjs.getDocument({ data: pdf.slice() }).promise).getMetadata();
    expect(JSON.stringify(info)).not.toContain('Only in the page text');
    expect((info as { Title?: string }).Title).toBe('Case 0f3a9c21');
  });
});
