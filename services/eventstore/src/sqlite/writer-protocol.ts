import type { WireError } from './wire-errors.ts';
import type { WriteJob, WriteResult } from './writer.ts';

export type ToWriter = { kind: 'job'; seq: number; job: WriteJob } | { kind: 'close' };

export type FromWriter =
  | { kind: 'ready' }
  | { kind: 'done'; seq: number; value: WriteResult }
  | { kind: 'failed'; seq: number; error: WireError }
  | { kind: 'closed' };
