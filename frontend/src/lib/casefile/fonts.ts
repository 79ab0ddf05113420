// The case file's fonts: Noto Sans subsets (SIL Open Font License, from @fontsource), served
// from the desk's own origin as build assets and fetched only when an investigator exports a
// case. WOFF, not WOFF2: fontkit cannot subset WOFF2. Order is preference (pdf.ts): Latin
// (with Latin-1) first, then Latin Extended, Greek, Cyrillic and Hebrew; anything else (Arabic
// among them, text.ts says why) is drawn as "?" and counted in the file.
import latin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?url';
import latinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff?url';
import greek from '@fontsource/noto-sans/files/noto-sans-greek-400-normal.woff?url';
import cyrillic from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff?url';
import hebrew from '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff?url';
import bold from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff?url';
import type { CaseFileFonts } from './pdf';

async function bytesOf(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { credentials: 'same-origin', referrerPolicy: 'no-referrer' });
  if (!response.ok) throw new Error('font unavailable');
  return new Uint8Array(await response.arrayBuffer());
}

export async function caseFileFonts(): Promise<CaseFileFonts> {
  const regular = await Promise.all([latin, latinExt, greek, cyrillic, hebrew].map(bytesOf));
  return { regular, bold: await bytesOf(bold) };
}
