// Evidence files for the tests, made so their metadata is known exactly.
import type { Page } from 'playwright-core';

/** A real JPEG drawn by the browser, then given an EXIF block (with a GPS pointer) and a comment. */
export async function jpegWithExif(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#c33';
    context.fillRect(0, 0, 64, 48);
    context.fillStyle = '#33c';
    context.fillRect(16, 12, 32, 24);
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1]!;
  });
  const plain = Buffer.from(base64, 'base64');
  // TIFF, little endian: IFD0 at 8 with one entry, GPSInfo (0x8825) LONG 1 -> 26, next IFD 0.
  const tiff = Buffer.from([
    0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01, 0x00, 0x25, 0x88, 0x04, 0x00, 0x01, 0x00,
    0x00, 0x00, 0x1a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  ]);
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), u16(exif.length + 2), exif]);
  const text = Buffer.from('Taken by J. Doe, Ministry office', 'latin1');
  const com = Buffer.concat([Buffer.from([0xff, 0xfe]), u16(text.length + 2), text]);
  return Buffer.concat([plain.subarray(0, 2), app1, com, plain.subarray(2)]);
}

function u16(n: number): Buffer {
  return Buffer.from([n >> 8, n & 0xff]);
}

/** A small but well-formed PDF whose Info dictionary names an author, as office exports do. */
export function pdfWithAuthor(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n3 0 obj<</Author(J. Doe)>>endobj\ntrailer<</Root 1 0 R/Info 3 0 R>>\n%%EOF\n',
    'latin1',
  );
}
