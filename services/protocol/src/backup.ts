// Backup archives (`npm run backup`): sealed to an operator's X25519 public key, streamed in
// frames so that a blob store larger than memory can be backed up and restored.
//
//   header = "IDBACKUP" || version (1 byte, 1) || recipient public key (32) || sealed key (80)
//   frame  = final flag (1 byte) || XChaCha20-Poly1305(archiveKey, nonce = LE64(i) || 0^16,
//            plaintext chunk, AD = encodeFields(label, BLAKE2b-256(header), i, final))
//
// The archive key is random per archive (so a counter nonce never repeats under one key) and
// sealed to the recipient with crypto_box_seal: only the holder of the secret key opens it. The
// AD binds every frame to this archive's header and to its place; the final flag, authenticated,
// makes a truncated archive fail instead of restoring part of it. Framing lengths and files are
// the caller's (services/server/src/backup); this module does no I/O.
import {
  concatBytes,
  constantTimeEqual,
  encodeFields,
  fromBase64UrlExact,
  toBase64Url,
  u64le,
  wipe,
} from './bytes.ts';
import type { CryptoBackend } from './backend/types.ts';
import { DecryptionError, FormatError } from './errors.ts';

const MAGIC = new TextEncoder().encode('IDBACKUP');
const VERSION = 1;
const SEALED_KEY_BYTES = 32 + 16 + 32;
/** Bytes of the archive header. */
export const BACKUP_HEADER_BYTES = MAGIC.length + 1 + 32 + SEALED_KEY_BYTES;
/** Plaintext bytes per frame (the last may be shorter); a frame adds 1 + 16 bytes. */
export const BACKUP_FRAME_PLAINTEXT = 1 << 20;
const FRAME_LABEL = 'integrity-desk/backup-frame/v1';

/** The archive was sealed to another key than the one given to open it. */
export class WrongBackupKeyError extends DecryptionError {
  constructor(readonly sealedTo: string) {
    super('the archive is sealed to another public key');
    this.name = 'WrongBackupKeyError';
  }
}

export interface BackupSealer {
  /** The archive's first BACKUP_HEADER_BYTES bytes. */
  readonly header: Uint8Array;
  /** Frame `index` (0, 1, ...), at most BACKUP_FRAME_PLAINTEXT bytes; the last one `final`. */
  sealFrame(index: number, plaintext: Uint8Array, final: boolean): Uint8Array;
  dispose(): void;
}

export interface BackupOpener {
  /** Opens frame `index`; `final` is what the frame says of itself (authenticated). */
  openFrame(index: number, frame: Uint8Array): { plaintext: Uint8Array; final: boolean };
  dispose(): void;
}

function frameAd(backend: CryptoBackend, header: Uint8Array) {
  const prefix = encodeFields(FRAME_LABEL, backend.blake2b(header, { outLen: 32 }));
  return (index: number, final: boolean) =>
    concatBytes(prefix, u64le(8), u64le(index), u64le(1), new Uint8Array([final ? 1 : 0]));
}

function nonce(index: number): Uint8Array {
  const n = new Uint8Array(24);
  n.set(u64le(index), 0);
  return n;
}

/** Starts an archive sealed to `recipientPublicKey` (base64url X25519). */
export function createBackupSealer(
  backend: CryptoBackend,
  recipientPublicKey: string,
): BackupSealer {
  const recipient = fromBase64UrlExact(recipientPublicKey, 32, 'backup public key');
  const key = backend.randomBytes(32);
  const ephemeral = backend.randomBytes(32);
  const sealedKey = backend.boxSeal(key, recipient, ephemeral);
  wipe(ephemeral);
  const header = concatBytes(MAGIC, new Uint8Array([VERSION]), recipient, sealedKey);
  const ad = frameAd(backend, header);
  return {
    header,
    sealFrame(index, plaintext, final) {
      if (plaintext.length > BACKUP_FRAME_PLAINTEXT)
        throw new FormatError('backup frame too large');
      const sealed = backend.aeadEncrypt(key, nonce(index), plaintext, ad(index, final));
      return concatBytes(new Uint8Array([final ? 1 : 0]), sealed);
    },
    dispose: () => wipe(key),
  };
}

/** The public key an archive is sealed to (base64url), or FormatError if it is no archive. */
export function backupRecipient(header: Uint8Array): string {
  if (
    header.length < BACKUP_HEADER_BYTES ||
    !constantTimeEqual(header.subarray(0, MAGIC.length), MAGIC)
  )
    throw new FormatError('not an Integrity Desk backup archive');
  if (header[MAGIC.length] !== VERSION)
    throw new FormatError(`backup archive version ${header[MAGIC.length]} is not supported`);
  return toBase64Url(header.subarray(MAGIC.length + 1, MAGIC.length + 33));
}

/**
 * Opens an archive's frames with the operator's secret key. WrongBackupKeyError when the archive
 * names another recipient; DecryptionError when its sealed key or a frame was altered.
 */
export function createBackupOpener(
  backend: CryptoBackend,
  header: Uint8Array,
  secretKey: Uint8Array,
): BackupOpener {
  const sealedTo = backupRecipient(header);
  const publicKey = backend.x25519PublicKey(secretKey);
  if (toBase64Url(publicKey) !== sealedTo) throw new WrongBackupKeyError(sealedTo);
  const head = header.subarray(0, BACKUP_HEADER_BYTES);
  const key = backend.boxSealOpen(head.subarray(MAGIC.length + 33), publicKey, secretKey);
  const ad = frameAd(backend, head);
  return {
    openFrame(index, frame) {
      if (frame.length < 1 + 16 || frame[0]! > 1) throw new DecryptionError('backup frame damaged');
      const final = frame[0] === 1;
      return {
        plaintext: backend.aeadDecrypt(key, nonce(index), frame.subarray(1), ad(index, final)),
        final,
      };
    },
    dispose: () => wipe(key),
  };
}
