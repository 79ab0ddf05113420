// The case file as a PDF, built in the investigator's browser from the decrypted case (pdf-lib,
// fonts embedded as subsets through @pdf-lib/fontkit). Pure: the document model and the font
// files come in, the PDF's bytes go out; nothing is fetched or sent. The model is plain text the
// caller already decided to print (answers under their questions, timeline, messages, notes,
// the evidence list with the SHA-256 of each decrypted file); this module only lays it out.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { visualLine, wrap, runsOf, widthOf, type Face, type FontLike } from './text';

export interface CaseFileEntry {
  /** A small grey line above the text: a question, a date and author, a file's name. */
  label?: string;
  text: string;
  /** Fixed-width look for hashes and ids (drawn smaller, never joined with the next word). */
  code?: boolean;
}

export interface CaseFileSection {
  heading: string;
  entries: CaseFileEntry[];
}

export interface CaseFileModel {
  /** The PDF's title (also its metadata title: the case's short id, never its content). */
  title: string;
  /** Lines under the title: report id, export time, who exported it. */
  subtitle: string[];
  sections: CaseFileSection[];
  /** Each page's footer, given its number and the page count. */
  footer: (page: number, pages: number) => string;
  /** Said at the end when characters could not be drawn, given how many. */
  missingNote: (count: number) => string;
}

export interface CaseFileFonts {
  /** Font files (TTF, OTF or WOFF; not WOFF2, which fontkit cannot subset) in preference order. */
  regular: readonly Uint8Array[];
  /** The headings' font, tried before the regular ones. */
  bold: Uint8Array;
}

const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const MARGIN = 56;
const WIDTH = PAGE.width - 2 * MARGIN;
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.38, 0.38, 0.42);
const style = {
  title: { size: 17, gap: 6, bold: true, colour: INK },
  subtitle: { size: 9, gap: 2, bold: false, colour: GREY },
  heading: { size: 12.5, gap: 16, bold: true, colour: INK },
  label: { size: 8.5, gap: 7, bold: false, colour: GREY },
  text: { size: 10, gap: 1, bold: false, colour: INK },
  code: { size: 8.5, gap: 1, bold: false, colour: INK },
} as const;
type Style = (typeof style)[keyof typeof style];

/** SHA-256 of bytes as lower-case hex (WebCrypto: native in browsers, in Node and without JIT). */
export async function sha256Hex(bytes: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function asFontLike(font: PDFFont): FontLike {
  return {
    codePoints: new Set(font.getCharacterSet()),
    widthOfTextAtSize: (text, size) => font.widthOfTextAtSize(text, size),
  };
}

export async function buildCaseFilePdf(
  model: CaseFileModel,
  fonts: CaseFileFonts,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular: PDFFont[] = [];
  for (const bytes of fonts.regular) regular.push(await doc.embedFont(bytes, { subset: true }));
  const bold = [await doc.embedFont(fonts.bold, { subset: true }), ...regular];
  const faces = { regular: regular.map(asFontLike), bold: bold.map(asFontLike) };
  doc.setTitle(model.title);
  doc.setCreator('Integrity Desk');
  // No dates in the metadata: the export time is in the text, at the precision the page shows.
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));

  let page: PDFPage = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;
  let missing = 0;

  const write = (text: string, s: Style) => {
    const face: Face = s.bold ? faces.bold : faces.regular;
    const pdfFonts = s.bold ? bold : regular;
    const lineHeight = s.size * 1.4;
    y -= s.gap;
    missing += runsOf(face, text).missing;
    for (const line of wrap(face, text, s.size, WIDTH)) {
      if (y - lineHeight < MARGIN) {
        page = doc.addPage([PAGE.width, PAGE.height]);
        y = PAGE.height - MARGIN;
      }
      y -= lineHeight;
      const { runs, rtl } = visualLine(face, line);
      let x = rtl ? PAGE.width - MARGIN - widthOf(face, runs, s.size) : MARGIN;
      for (const run of runs) {
        const font = pdfFonts[run.font]!;
        page.drawText(run.text, { x, y, size: s.size, font, color: s.colour });
        x += font.widthOfTextAtSize(run.text, s.size);
      }
    }
  };

  write(model.title, style.title);
  for (const line of model.subtitle) write(line, style.subtitle);
  for (const section of model.sections) {
    // A heading is not left alone at the foot of a page.
    if (y - 80 < MARGIN) y = MARGIN;
    write(section.heading, style.heading);
    for (const entry of section.entries) {
      if (entry.label !== undefined) write(entry.label, style.label);
      write(entry.text, entry.code ? style.code : style.text);
    }
  }
  if (missing > 0) write(model.missingNote(missing), style.label);

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const footer = model.footer(i + 1, pages.length);
    const runs = runsOf(faces.regular, footer).runs;
    let x = MARGIN;
    for (const run of runs) {
      const font = regular[run.font]!;
      p.drawText(run.text, { x, y: MARGIN / 2, size: 8, font, color: GREY });
      x += font.widthOfTextAtSize(run.text, 8);
    }
  });
  return doc.save();
}
