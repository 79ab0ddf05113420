import type { WireError } from './wire-errors.ts';
import type { WriteJob, WriteResult } from './writer.ts';

/** Messages between stores on the main thread and the one writer thread of the process. */
export type ToWriter =
  | { kind: 'open'; storeId: number; file: string }
  /** Every job submitted in one turn of the main thread's event loop, in one message. */
  | { kind: 'jobs'; storeId: number; items: { seq: number; job: WriteJob }[] }
  | { kind: 'close'; storeId: number };

export type FromWriter =
  | { kind: 'opened'; storeId: number }
  | { kind: 'settled'; results: Settled[] }
  | { kind: 'closed'; storeId: number };

export type Settled =
  { seq: number; ok: true; value: WriteResult } | { seq: number; ok: false; error: WireError };
