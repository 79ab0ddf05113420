import {
  BACKUP_FRAME_PLAINTEXT,
  BACKUP_HEADER_BYTES,
  type BackupOpener,
  type BackupSealer,
} from '@integrity-desk/protocol';
import type { FileHandle } from 'node:fs/promises';
import { BackupRefusedError } from './errors.ts';

/** The most a frame can be: flag, ciphertext of a full frame, tag. */
const MAX_FRAME = 1 + BACKUP_FRAME_PLAINTEXT + 16;

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, null);
    if (bytesWritten <= 0)
      throw Object.assign(new Error('write made no progress'), { code: 'ENOSPC' });
    done += bytesWritten;
  }
}

/**
 * Writes an archive as a stream: the header, then frames of BACKUP_FRAME_PLAINTEXT bytes of
 * plaintext, each sealed and prefixed with its length (u32 LE). At most one frame is in memory.
 */
export class ArchiveWriter {
  private readonly buffer = new Uint8Array(BACKUP_FRAME_PLAINTEXT);
  private filled = 0;
  private index = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly sealer: BackupSealer,
  ) {}

  static async begin(handle: FileHandle, sealer: BackupSealer): Promise<ArchiveWriter> {
    await writeAll(handle, sealer.header);
    return new ArchiveWriter(handle, sealer);
  }

  async write(bytes: Uint8Array): Promise<void> {
    for (let offset = 0; offset < bytes.length;) {
      const take = Math.min(this.buffer.length - this.filled, bytes.length - offset);
      this.buffer.set(bytes.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.buffer.length) await this.flush(false);
    }
  }

  /** Seals what is left as the final frame and makes the file durable. */
  async finish(): Promise<void> {
    await this.flush(true);
    this.sealer.dispose();
    await this.handle.sync();
  }

  private async flush(final: boolean): Promise<void> {
    const frame = this.sealer.sealFrame(this.index++, this.buffer.subarray(0, this.filled), final);
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, frame.length, true);
    await writeAll(this.handle, length);
    await writeAll(this.handle, frame);
    this.filled = 0;
  }
}

async function readExactly(handle: FileHandle, length: number, position: number) {
  const bytes = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(bytes, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return bytes.subarray(0, done);
}

const damaged = (what: string) =>
  new BackupRefusedError(`the archive is damaged or was altered (${what}); nothing was restored`);

/** The archive's header bytes (BackupRefusedError when the file is too short to hold one). */
export async function readArchiveHeader(handle: FileHandle): Promise<Uint8Array> {
  const header = await readExactly(handle, BACKUP_HEADER_BYTES, 0);
  if (header.length < BACKUP_HEADER_BYTES)
    throw new BackupRefusedError('this file is not an Integrity Desk backup archive (too short)');
  return header;
}

/**
 * The archive's plaintext, frame by frame, each authenticated before it is yielded. A frame that
 * does not open, a missing final frame (a cut archive) or bytes after it end in BackupRefusedError.
 */
export async function* openedFrames(
  handle: FileHandle,
  opener: BackupOpener,
): AsyncGenerator<Uint8Array> {
  let position = BACKUP_HEADER_BYTES;
  for (let index = 0; ; index++) {
    const prefix = await readExactly(handle, 4, position);
    if (prefix.length < 4) throw damaged('it ends before its last part: cut short');
    const length = new DataView(prefix.buffer, prefix.byteOffset).getUint32(0, true);
    if (length > MAX_FRAME) throw damaged(`part ${index} has an impossible length`);
    const frame = await readExactly(handle, length, position + 4);
    if (frame.length < length) throw damaged('it ends before its last part: cut short');
    position += 4 + length;
    let opened: { plaintext: Uint8Array; final: boolean };
    try {
      opened = opener.openFrame(index, frame);
    } catch {
      throw damaged(`part ${index} does not authenticate`);
    }
    yield opened.plaintext;
    if (opened.final) {
      if ((await readExactly(handle, 1, position)).length > 0)
        throw damaged('bytes follow its last part');
      opener.dispose();
      return;
    }
  }
}

/** Reads exact byte counts across frames. */
export class PlaintextReader {
  private pending: Uint8Array = new Uint8Array(0);

  constructor(private readonly frames: AsyncIterator<Uint8Array>) {}

  /** The next `length` bytes, or undefined at a clean end (no byte left at all). */
  async read(length: number): Promise<Uint8Array | undefined> {
    const parts: Uint8Array[] = [];
    let got = 0;
    while (got < length) {
      if (this.pending.length === 0) {
        const next = await this.frames.next();
        if (next.done) {
          if (got === 0) return undefined;
          throw damaged('an entry is cut short');
        }
        this.pending = next.value;
        continue;
      }
      const take = Math.min(length - got, this.pending.length);
      parts.push(this.pending.subarray(0, take));
      this.pending = this.pending.subarray(take);
      got += take;
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }

  /** `size` bytes in the pieces the frames hold them in. */
  async *pieces(size: number): AsyncGenerator<Uint8Array> {
    let left = size;
    while (left > 0) {
      if (this.pending.length === 0) {
        const next = await this.frames.next();
        if (next.done) throw damaged('a file is cut short');
        this.pending = next.value;
        continue;
      }
      const take = Math.min(left, this.pending.length);
      yield this.pending.subarray(0, take);
      this.pending = this.pending.subarray(take);
      left -= take;
    }
  }
}
