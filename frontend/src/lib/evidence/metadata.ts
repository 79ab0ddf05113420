// Finds the metadata an image carries, so the page can say what re-encoding removed.
// It reads the container structure only (JPEG segments, PNG chunks, WebP chunks); it never
// trusts the file's name or declared type.

export type MetadataKind = 'exif' | 'gps' | 'xmp' | 'iptc' | 'comment' | 'icc' | 'text';

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

export function findMetadata(bytes: Uint8Array): MetadataKind[] {
  const found = new Set<MetadataKind>();
  if (bytes[0] === 0xff && bytes[1] === 0xd8) scanJpeg(bytes, found);
  else if (ascii(bytes, 1, 3) === 'PNG') scanPng(bytes, found);
  else if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') scanWebp(bytes, found);
  return [...found];
}

function scanJpeg(bytes: Uint8Array, found: Set<MetadataKind>) {
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xda || marker === 0xd9) break; // start of scan: no more metadata segments
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const body = at + 4;
    if (marker === 0xe1) {
      const head = ascii(bytes, body, 29);
      if (head.startsWith('Exif')) {
        found.add('exif');
        if (exifHasGps(bytes.subarray(body + 6, at + 2 + length))) found.add('gps');
      } else if (head.startsWith('http://ns.adobe.com/xap/1.0/')) found.add('xmp');
    } else if (marker === 0xed) found.add('iptc');
    else if (marker === 0xe2 && ascii(bytes, body, 11) === 'ICC_PROFILE') found.add('icc');
    else if (marker === 0xfe) found.add('comment');
    at += 2 + length;
  }
}

/** Looks for the GPS IFD pointer (tag 0x8825) in IFD0 of a TIFF block. */
function exifHasGps(tiff: Uint8Array): boolean {
  if (tiff.length < 8) return false;
  const little = tiff[0] === 0x49;
  const u16 = (i: number) =>
    little ? tiff[i]! | (tiff[i + 1]! << 8) : (tiff[i]! << 8) | tiff[i + 1]!;
  const u32 = (i: number) =>
    little
      ? (tiff[i]! | (tiff[i + 1]! << 8) | (tiff[i + 2]! << 16) | (tiff[i + 3]! << 24)) >>> 0
      : ((tiff[i]! << 24) | (tiff[i + 1]! << 16) | (tiff[i + 2]! << 8) | tiff[i + 3]!) >>> 0;
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return false;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 2 > tiff.length) return false;
    if (u16(entry) === 0x8825) return true;
  }
  return false;
}

function scanPng(bytes: Uint8Array, found: Set<MetadataKind>) {
  let at = 8;
  while (at + 8 <= bytes.length) {
    const length =
      ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
    const type = ascii(bytes, at + 4, 4);
    if (type === 'eXIf') found.add('exif');
    else if (type === 'iCCP') found.add('icc');
    else if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') {
      if (ascii(bytes, at + 8, 17) === 'XML:com.adobe.xmp') found.add('xmp');
      else found.add('text');
    } else if (type === 'IEND') break;
    at += 12 + length;
  }
}

function scanWebp(bytes: Uint8Array, found: Set<MetadataKind>) {
  let at = 12;
  while (at + 8 <= bytes.length) {
    const type = ascii(bytes, at, 4);
    const length =
      (bytes[at + 4]! | (bytes[at + 5]! << 8) | (bytes[at + 6]! << 16) | (bytes[at + 7]! << 24)) >>>
      0;
    if (type === 'EXIF') found.add('exif');
    else if (type === 'XMP ') found.add('xmp');
    else if (type === 'ICCP') found.add('icc');
    at += 8 + length + (length % 2);
  }
}
