import { z } from 'zod';
import { BackupRefusedError } from './errors.ts';
import type { ArchiveWriter, PlaintextReader } from './frames.ts';

/**
 * Inside the sealed stream: entries, each a u32 LE length, a JSON header, then `size` bytes of the
 * file; the manifest is the last entry. The plaintext is authenticated frame by frame, so these
 * headers are parsed only after they have been opened.
 */
const blobPath = /^blobs\/blobs\/[0-9a-f]{64}$/;
export const EVENT_LOG_PATH = 'events.sqlite';
/** What an archive may hold, relative to DATA_DIR: the event log and finished evidence blobs. */
export const isArchivablePath = (path: string) => path === EVENT_LOG_PATH || blobPath.test(path);
export const blobArchivePath = (blobId: string) => `blobs/blobs/${blobId}`;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const purgeRecordSchema = z.object({
  reportId: z.string().min(1).max(128),
  by: z.string().min(1).max(128),
  purgedAt: z.string(),
  /** Whether the log held the purge's end (ReportErased) too. */
  erased: z.boolean(),
});
export type PurgeRecord = z.infer<typeof purgeRecordSchema>;

export const manifestSchema = z.object({
  format: z.literal('integrity-desk-backup'),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  eventLog: z.object({ lastPosition: z.string().regex(/^\d+$/), events: z.number().int() }),
  files: z.array(
    z.object({ path: z.string().refine(isArchivablePath), size: z.number().int(), sha256 }),
  ),
  /** Blobs the log names that were gone when copied (a purge after the snapshot, or a loss). */
  missingBlobs: z.array(sha256),
  /** Every purge record in the backed-up log. */
  purges: z.array(purgeRecordSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;

const entrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('file'),
    path: z.string().refine(isArchivablePath),
    size: z.number().int().nonnegative(),
  }),
  z.object({ kind: z.literal('manifest'), manifest: manifestSchema }),
]);
export type Entry = z.infer<typeof entrySchema>;

export async function writeEntry(writer: ArchiveWriter, entry: Entry): Promise<void> {
  const json = Buffer.from(JSON.stringify(entry), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length, 0);
  await writer.write(length);
  await writer.write(json);
}

/** The next entry's header, or undefined at the end of the stream. */
export async function readEntry(reader: PlaintextReader): Promise<Entry | undefined> {
  const length = await reader.read(4);
  if (!length) return undefined;
  const size = Buffer.from(length).readUInt32LE(0);
  const json = await reader.read(size);
  const parsed = entrySchema.safeParse(json && safeJson(json));
  if (!parsed.success)
    throw new BackupRefusedError(
      'the archive holds an entry this version cannot read (made by a newer version?)',
    );
  return parsed.data;
}

function safeJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return undefined;
  }
}
