// Worker side of an evidence download on the desk: the page feeds the response body piece by
// piece as it arrives and gets each piece's plaintext back, so neither side ever holds the
// whole ciphertext; the opener keeps at most one chunk of it between pieces.
import {
  createAttachmentOpener,
  type AttachmentMetadata,
  type AttachmentOpener,
  type CryptoBackend,
} from '@integrity-desk/protocol';

const downloads = new Map<string, AttachmentOpener>();

export function beginDownload(
  backend: CryptoBackend,
  download: string,
  reportKey: Uint8Array,
  header: unknown,
): AttachmentMetadata {
  downloads.get(download)?.dispose();
  const opener = createAttachmentOpener(backend, { reportKey, header });
  downloads.set(download, opener);
  return opener.metadata;
}

export function pushDownload(download: string, piece: Uint8Array): Uint8Array[] {
  const opener = downloads.get(download);
  if (!opener) throw new Error('UnknownDownload');
  try {
    return opener.push(piece);
  } catch (error) {
    downloads.delete(download);
    throw error;
  }
}

/** The last plaintext, after checking nothing was cut off; `abort` just drops the download. */
export function finishDownload(download: string, abort: boolean): Uint8Array[] {
  const opener = downloads.get(download);
  downloads.delete(download);
  if (!opener) throw new Error('UnknownDownload');
  if (abort) {
    opener.dispose();
    return [];
  }
  return opener.finish();
}

export function forgetDownloads(): void {
  for (const opener of downloads.values()) opener.dispose();
  downloads.clear();
}
