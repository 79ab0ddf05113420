// A PDF read back as text with PDF.js (pdfjs-dist, the parser Firefox uses): what an
// investigator's printed case file says, to compare with what was decrypted.

/** Every text item of every page, in drawing order (one item per font run), and the page count. */
export async function pdfText(pdf: Uint8Array): Promise<{ items: string[]; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const items: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item && item.str !== '') items.push(item.str);
  }
  await doc.destroy();
  return { items, pages: doc.numPages };
}

/** The SHA-256 the case file lists for each evidence file, by the file's name. */
export function listedHashes(items: readonly string[]): Map<string, string> {
  const hashes = new Map<string, string>();
  items.forEach((item, i) => {
    const hash = /^SHA-256 ([0-9a-f]{64})$/.exec(items[i + 1] ?? '')?.[1];
    const name = / · /.test(item) ? item.slice(0, item.indexOf(' · ')) : undefined;
    if (hash && name) hashes.set(name, hash);
  });
  return hashes;
}
