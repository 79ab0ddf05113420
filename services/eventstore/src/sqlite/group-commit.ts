/**
 * Group commit: callers enqueue work; everything that arrives before the queue is drained is
 * run in one transaction (one fsync). Each item still settles on its own: the runner returns
 * one outcome per item, so one stream's conflict never fails another stream's append.
 */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Pending<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<T, R> {
  private queue: Array<Pending<T, R>> = [];
  private scheduled = false;

  constructor(
    /** Runs a batch in one transaction; throws only when the transaction itself failed. */
    private readonly runBatch: (items: T[]) => Array<Outcome<R>>,
    private readonly afterCommit: () => void,
    private readonly maxBatch = 1024,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate lets every append issued in this turn of the event loop (and the I/O
        // callbacks already queued) join the batch before we pay for the fsync.
        setImmediate(() => this.drain());
      }
    });
  }

  /** Resolves once everything submitted so far has been committed or refused. */
  drained(): Promise<void> {
    if (this.queue.length === 0 && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => setImmediate(() => resolve(this.drained())));
  }

  private drain(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      let outcomes: Array<Outcome<R>>;
      try {
        outcomes = this.runBatch(batch.map((p) => p.item));
      } catch (error) {
        for (const p of batch) p.reject(error);
        continue;
      }
      this.afterCommit();
      batch.forEach((p, i) => {
        const o = outcomes[i]!;
        if (o.ok) p.resolve(o.value);
        else p.reject(o.error);
      });
    }
  }
}
