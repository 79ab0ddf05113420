// What of a decrypted evidence file the case page may show inline, decided from its bytes, never
// from the type the whistleblower's browser wrote into the sealed metadata (anyone can claim
// "image/png" for an HTML page). Pure.

export type PreviewKind = 'image' | 'pdf';

export interface Preview {
  kind: PreviewKind;
  /** The type the preview blob is made with: the sniffed one. */
  type: string;
}

const signatures: { type: string; kind: PreviewKind; bytes: (number | undefined)[] }[] = [
  { type: 'image/png', kind: 'image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', kind: 'image', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', kind: 'image', bytes: [0x47, 0x49, 0x46, 0x38] },
  // RIFF....WEBP
  {
    type: 'image/webp',
    kind: 'image',
    bytes: [
      0x52,
      0x49,
      0x46,
      0x46,
      undefined,
      undefined,
      undefined,
      undefined,
      0x57,
      0x45,
      0x42,
      0x50,
    ],
  },
  { type: 'application/pdf', kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];

/**
 * A raster image (PNG, JPEG, GIF, WebP) or a PDF, by its leading bytes; undefined for anything
 * else (SVG included: it is a document that can carry script and links, so it is only saved).
 */
export function sniffPreview(head: Uint8Array): Preview | undefined {
  for (const s of signatures) {
    if (head.length < s.bytes.length) continue;
    if (s.bytes.every((b, i) => b === undefined || head[i] === b))
      return { kind: s.kind, type: s.type };
  }
  return undefined;
}
