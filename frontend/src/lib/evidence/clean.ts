// Evidence handling in the browser. Images are decoded and drawn onto a canvas, then encoded
// afresh: the new file holds pixels only, so EXIF (camera, time, GPS), XMP, IPTC, comments and
// colour profiles are gone. Documents cannot be cleaned this way and are flagged instead.

import { findMetadata, type MetadataKind } from './metadata';

export type Prepared =
  | { kind: 'image'; blob: Blob; type: string; removed: MetadataKind[] }
  | { kind: 'document'; blob: Blob; type: string }
  | { kind: 'other'; blob: Blob; type: string };

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/bmp']);
const DOCUMENT_PATTERN =
  /\.(pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf)$|^application\/(pdf|msword|vnd\.(ms-|openxmlformats|oasis))/i;

// Documents and other files are kept as the File itself: the upload reads it in slices, so a
// large video is never copied into memory whole.
export async function prepareFile(file: File): Promise<Prepared> {
  if (IMAGE_TYPES.has(file.type)) {
    const removed = findMetadata(new Uint8Array(await file.arrayBuffer()));
    const cleaned = await reencode(file);
    return { kind: 'image', blob: cleaned.blob, type: cleaned.type, removed };
  }
  if (DOCUMENT_PATTERN.test(file.name) || DOCUMENT_PATTERN.test(file.type)) {
    return { kind: 'document', blob: file, type: file.type || 'application/octet-stream' };
  }
  return { kind: 'other', blob: file, type: file.type || 'application/octet-stream' };
}

async function reencode(file: File): Promise<{ blob: Blob; type: string }> {
  // 'from-image' applies the EXIF orientation to the pixels before the tag is dropped.
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('NoCanvas');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  // PNG stays lossless (screenshots of documents must stay legible); everything else is JPEG.
  const type = file.type === 'image/png' ? 'image/png' : 'image/jpeg';
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.92));
  if (!blob) throw new Error('EncodeFailed');
  return { blob, type };
}
