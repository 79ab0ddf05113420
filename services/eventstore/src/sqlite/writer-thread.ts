import { Worker } from 'node:worker_threads';
import { EventStoreError } from '../port/errors.ts';
import { fromWire } from './wire-errors.ts';
import type { WriteJob, WriteResult } from './writer.ts';
import type { FromWriter, ToWriter } from './writer-protocol.ts';

interface Pending {
  resolve: (value: WriteResult) => void;
  reject: (error: unknown) => void;
  onCommit: () => void;
}

/**
 * The process's writer thread, shared by every open store (starting a thread and its
 * TypeScript loader costs hundreds of milliseconds, so it is paid once). It keeps the process
 * alive only while a store is open. If the thread dies, every pending caller is rejected:
 * nothing unwritten is ever reported as written.
 */
class SharedWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly closing = new Map<number, () => void>();
  private seq = 0;
  private outbox = new Map<number, { seq: number; job: WriteJob }[]>();
  private openStores = 0;
  failure: Error | undefined;

  constructor(onDeath: () => void) {
    this.worker = new Worker(new URL('./writer-bootstrap.mjs', import.meta.url));
    this.worker.unref();
    this.worker.on('message', (m: FromWriter) => {
      if (m.kind === 'opened') return;
      if (m.kind === 'closed') {
        this.closing.get(m.storeId)?.();
        this.closing.delete(m.storeId);
        return;
      }
      for (const r of m.results) {
        const p = this.pending.get(r.seq);
        if (!p) continue;
        this.pending.delete(r.seq);
        if (r.ok) {
          p.onCommit();
          p.resolve(r.value);
        } else p.reject(fromWire(r.error));
      }
    });
    const die = (reason: string) => {
      this.failure ??= new EventStoreError(`event store writer stopped (${reason})`);
      for (const p of this.pending.values()) p.reject(this.failure);
      this.pending.clear();
      for (const done of this.closing.values()) done();
      this.closing.clear();
      onDeath();
    };
    this.worker.on('error', (e) => die(e.name));
    this.worker.on('exit', (code) => die(`exit ${code}`));
  }

  open(storeId: number, file: string): void {
    if (this.openStores++ === 0) this.worker.ref();
    this.post({ kind: 'open', storeId, file });
  }

  submit(storeId: number, job: WriteJob, onCommit: () => void): Promise<WriteResult> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject, onCommit });
      let items = this.outbox.get(storeId);
      if (!items) {
        items = [];
        this.outbox.set(storeId, items);
        if (this.outbox.size === 1) setImmediate(() => this.flush());
      }
      items.push({ seq, job });
    });
  }

  /** One message per store per event-loop turn: posting costs more than a small append. */
  private flush(): void {
    const outbox = this.outbox;
    this.outbox = new Map();
    for (const [storeId, items] of outbox) this.post({ kind: 'jobs', storeId, items });
  }

  close(storeId: number): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.failure) return resolve();
      this.closing.set(storeId, () => {
        if (--this.openStores === 0) this.worker.unref();
        resolve();
      });
      // Jobs still in the outbox go first: messages are handled in order.
      this.flush();
      this.post({ kind: 'close', storeId });
    });
  }

  private post(m: ToWriter): void {
    this.worker.postMessage(m);
  }
}

let shared: SharedWriter | undefined;
let nextStoreId = 0;

/** One store's handle on the shared writer thread. */
export class WriterThread {
  private readonly writer: SharedWriter;
  private readonly storeId = ++nextStoreId;
  private closed: Promise<void> | undefined;

  constructor(
    file: string,
    private readonly onCommit: () => void,
  ) {
    shared ??= new SharedWriter(() => (shared = undefined));
    this.writer = shared;
    this.writer.open(this.storeId, file);
  }

  submit(job: WriteJob): Promise<WriteResult> {
    return this.writer.submit(this.storeId, job, this.onCommit);
  }

  /** Waits for every submitted job to settle, then closes this store's write connection. */
  close(): Promise<void> {
    this.closed ??= this.writer.close(this.storeId);
    return this.closed;
  }
}
