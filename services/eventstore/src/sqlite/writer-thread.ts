import { Worker } from 'node:worker_threads';
import { EventStoreError } from '../port/errors.ts';
import { fromWire } from './wire-errors.ts';
import type { WriteJob, WriteResult } from './writer.ts';
import type { FromWriter, ToWriter } from './writer-protocol.ts';

interface Pending {
  resolve: (value: WriteResult) => void;
  reject: (error: unknown) => void;
}

/**
 * The main thread's side of the writer: sends jobs, settles each caller's promise when the
 * writer reports its group committed. If the thread dies, every pending caller is rejected:
 * nothing unacknowledged is ever reported as written.
 */
export class WriterThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private failure: Error | undefined;
  private closing: Promise<void> | undefined;
  readonly ready: Promise<void>;

  constructor(file: string, onCommit: () => void) {
    this.worker = new Worker(new URL('./writer-bootstrap.mjs', import.meta.url), {
      workerData: { file },
    });
    let markReady: () => void = () => undefined;
    let failReady: (e: unknown) => void = () => undefined;
    this.ready = new Promise((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    this.worker.on('message', (m: FromWriter) => {
      if (m.kind === 'ready') return markReady();
      if (m.kind === 'closed') return;
      const p = this.pending.get(m.seq);
      if (!p) return;
      this.pending.delete(m.seq);
      if (m.kind === 'done') {
        onCommit();
        p.resolve(m.value);
      } else p.reject(fromWire(m.error));
    });
    const die = (reason: string) => {
      this.failure ??= new EventStoreError(`event store writer stopped (${reason})`);
      failReady(this.failure);
      for (const p of this.pending.values()) p.reject(this.failure);
      this.pending.clear();
    };
    this.worker.on('error', (e) => die(e.name));
    this.worker.on('exit', (code) => die(`exit ${code}`));
  }

  submit(job: WriteJob): Promise<WriteResult> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.worker.postMessage({ kind: 'job', seq, job } satisfies ToWriter);
    });
  }

  /** Waits for every submitted job to settle, then closes the file and ends the thread. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.failure) return resolve();
      this.worker.on('message', (m: FromWriter) => {
        if (m.kind === 'closed') void this.worker.terminate().then(() => resolve());
      });
      this.worker.postMessage({ kind: 'close' } satisfies ToWriter);
    });
    return this.closing;
  }
}
