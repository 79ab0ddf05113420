import type { WireError } from './wire-errors.ts';
import type { WriteJob, WriteResult } from './writer.ts';

/** Messages between stores on the main thread and the one writer thread of the process. */
export type ToWriter =
  | { kind: 'open'; storeId: number; file: string }
  | { kind: 'job'; storeId: number; seq: number; job: WriteJob }
  | { kind: 'close'; storeId: number };

export type FromWriter =
  | { kind: 'opened'; storeId: number }
  | { kind: 'done'; seq: number; value: WriteResult }
  | { kind: 'failed'; seq: number; error: WireError }
  | { kind: 'closed'; storeId: number };
