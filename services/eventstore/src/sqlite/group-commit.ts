/**
 * Group commit in two stages. Callers enqueue work; everything that arrives before the queue is
 * drained is run in one transaction, on the event loop (better-sqlite3 is synchronous, but a
 * transaction that does not wait for the disk takes well under a millisecond per item). Then
 * `makeDurable` (the fsync, on libuv's thread pool) runs while the event loop goes on parsing
 * requests and committing the next batches; once it resolves, every item committed before it
 * started is acknowledged. One sync is in flight at a time; batches committed meanwhile share
 * the next one. Each item still settles on its own: the runner returns one outcome per item, so
 * one stream's conflict never fails another stream's append. Refusals wait for the sync too:
 * a conflict may have been decided against a commit that is not yet on disk.
 */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Pending<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/** Settles one caller once the sync that covers its commit ended: `failure` if it failed. */
type Settle = (failure?: { error: unknown }) => void;

export class GroupCommit<T, R> {
  private queue: Array<Pending<T, R>> = [];
  private scheduled = false;
  private committed: Settle[] = [];
  private syncing = false;
  /** Set when a sync failed: nothing committed since can be promised, so everything is refused. */
  private failure: unknown;
  private idle: Array<() => void> = [];

  constructor(
    /** Runs a batch in one transaction; throws only when the transaction itself failed. */
    private readonly runBatch: (items: T[]) => Array<Outcome<R>>,
    /** Makes every committed transaction durable; called once per group of batches. */
    private readonly makeDurable: () => Promise<void>,
    /** Runs after a successful sync, before the items it covered are acknowledged. */
    private readonly afterDurable: () => void,
    /** Turns the sync's failure into the error every later caller gets. */
    private readonly failed: (cause: unknown) => Error,
    /** A promise the next batch must wait for, if any (the WAL being copied to its end). */
    private readonly hold: () => Promise<void> | undefined = () => undefined,
    private readonly maxBatch = 1024,
    /** Told how many appends each transaction carried (the metrics' batch size). */
    private readonly onBatch: (appends: number) => void = () => undefined,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.failure !== undefined) {
        reject(this.failed(this.failure));
        return;
      }
      this.queue.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate lets every append issued in this turn of the event loop (and the I/O
        // callbacks already queued) join the batch.
        setImmediate(() => this.drain());
      }
    });
  }

  /**
   * Resolves once a sync that began after this call has finished: for commits this store did not
   * make (another process's). It shares the one sync in flight and its failure, which, like a
   * batch's, fails the store for good.
   */
  flush(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.failure !== undefined) {
        reject(this.failed(this.failure));
        return;
      }
      this.committed.push((failure) => (failure ? reject(this.failed(failure.error)) : resolve()));
      this.sync();
    });
  }

  /** Resolves once everything submitted so far has been acknowledged or refused. */
  drained(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private isIdle(): boolean {
    return (
      this.queue.length === 0 && !this.scheduled && this.committed.length === 0 && !this.syncing
    );
  }

  private drain(): void {
    // While held, `scheduled` stays true: submissions join the queue without a second drain.
    const hold = this.hold();
    if (hold) {
      void hold.then(() => this.drain());
      return;
    }
    this.scheduled = false;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.onBatch(batch.length);
      let outcomes: Array<Outcome<R>>;
      try {
        outcomes = this.runBatch(batch.map((p) => p.item));
      } catch (error) {
        for (const p of batch) p.reject(error);
        continue;
      }
      batch.forEach((pending, i) => {
        const outcome = outcomes[i]!;
        this.committed.push((failure) => {
          if (failure) pending.reject(this.failed(failure.error));
          else if (outcome.ok) pending.resolve(outcome.value);
          else pending.reject(outcome.error);
        });
      });
    }
    this.sync();
  }

  private sync(): void {
    if (this.syncing) return;
    if (this.committed.length === 0) {
      if (this.isIdle()) for (const done of this.idle.splice(0)) done();
      return;
    }
    const group = this.committed;
    this.committed = [];
    if (this.failure !== undefined) {
      for (const settle of group) settle({ error: this.failure });
      this.sync();
      return;
    }
    this.syncing = true;
    this.makeDurable().then(
      () => {
        this.afterDurable();
        for (const settle of group) settle();
        this.syncing = false;
        this.sync();
      },
      (error: unknown) => {
        this.failure = error;
        for (const settle of group) settle({ error });
        this.syncing = false;
        this.sync();
      },
    );
  }
}
