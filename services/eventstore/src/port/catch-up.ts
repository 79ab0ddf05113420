import type { RecordedEvent, SubscribeOptions, Subscription, SubscriptionFilter } from './types.ts';

export function matchesFilter(
  event: RecordedEvent,
  filter: SubscriptionFilter | undefined,
): boolean {
  if (!filter) return true;
  if (filter.streamPrefixes && !filter.streamPrefixes.some((p) => event.streamId.startsWith(p)))
    return false;
  if (filter.eventTypePrefixes && !filter.eventTypePrefixes.some((p) => event.type.startsWith(p)))
    return false;
  return true;
}

/** Counts the store's commits, so a reader can wait for one that came after its read. */
export interface CommitSignal {
  /** Number of commits so far. Read it before reading the log to miss nothing. */
  readonly version: number;
  /** Resolves as soon as `version` exceeds `seen`. */
  after(seen: number): Promise<void>;
}

/**
 * Catch-up subscription for adapters whose log can be paged by position in commit order
 * (memory, sqlite). It reads pages after the last position seen; when a page comes back
 * empty it waits for the next commit. Because it always reads by position from the committed
 * log, history and live events come through one path: no gap and no duplicate by construction.
 */
export function catchUpSubscription(
  readPage: (after: bigint | undefined, maxCount: number) => RecordedEvent[],
  signal: CommitSignal,
  options: SubscribeOptions,
  /** False once the store is closed: the subscription then ends instead of failing. */
  isOpen: () => boolean = () => true,
  pageSize = 512,
): Subscription {
  let after = options.after;
  let closed = false;
  let wake: (() => void) | undefined;

  async function* iterate(): AsyncGenerator<RecordedEvent> {
    while (!closed && isOpen()) {
      const seen = signal.version;
      const page = readPage(after, pageSize);
      if (page.length === 0) {
        await Promise.race([signal.after(seen), new Promise<void>((r) => (wake = r))]);
        continue;
      }
      for (const event of page) {
        if (closed) return;
        after = event.position;
        if (matchesFilter(event, options.filter)) yield event;
      }
    }
  }

  const iterator = iterate();
  return {
    [Symbol.asyncIterator]: () => iterator,
    checkpoint: () => after,
    close: async () => {
      closed = true;
      wake?.();
      await iterator.return(undefined);
    },
  };
}

/** A commit signal backed by a list of waiters. */
export class Commits implements CommitSignal {
  version = 0;
  private waiters: Array<() => void> = [];
  after(seen: number): Promise<void> {
    if (this.version > seen) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
  fire(): void {
    this.version += 1;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
