import { planAppend, checkExpectation, type StreamHead } from '../port/append-plan.ts';
import { catchUpSubscription, Commits } from '../port/catch-up.ts';
import { StoreClosedError, StreamDeletedError, StreamNotFoundError } from '../port/errors.ts';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../port/types.ts';
import { readStreamSlice } from '../port/read-slice.ts';
import { coarseTime } from '../port/coarse-time.ts';

interface MemoryStream {
  head: StreamHead;
  events: RecordedEvent[];
}

/** In-memory adapter for unit and integration tests. Same semantics as the durable ones. */
export function createMemoryEventStore(options: { now?: () => number } = {}): EventStore {
  const now = options.now ?? Date.now;
  const log: RecordedEvent[] = [];
  const streams = new Map<string, MemoryStream>();
  const byId = new Map<string, RecordedEvent>();
  const commits = new Commits();
  let nextPosition = 1n;
  let closed = false;

  const stream = (id: string): MemoryStream =>
    streams.get(id) ?? {
      head: { lastRevision: undefined, deleted: false, tombstoned: false },
      events: [],
    };
  const guard = () => {
    if (closed) throw new StoreClosedError();
  };

  return {
    async append(
      streamId: string,
      events: readonly EventToAppend[],
      opts = {},
    ): Promise<AppendResult> {
      guard();
      const s = stream(streamId);
      const plan = planAppend(
        streamId,
        events,
        opts.expectedRevision ?? 'any',
        s.head,
        (id) => byId.get(id),
        (sid, from, count) =>
          stream(sid)
            .events.filter((e) => e.revision >= from)
            .slice(0, count)
            .map((e) => e.id),
      );
      if (plan.kind === 'idempotent') {
        const last = s.events.find((e) => e.revision === plan.lastRevision)!;
        return { nextExpectedRevision: plan.lastRevision, position: last.position };
      }
      const created = coarseTime(now());
      const recorded = events.map((e, i): RecordedEvent => ({
        id: e.id,
        type: e.type,
        streamId,
        revision: plan.firstRevision + BigInt(i),
        position: nextPosition++,
        data: structuredClone(e.data),
        metadata: structuredClone(e.metadata ?? {}),
        created,
      }));
      const last = recorded[recorded.length - 1]!;
      streams.set(streamId, {
        head: { lastRevision: last.revision, deleted: false, tombstoned: false },
        events: [...s.events, ...recorded],
      });
      for (const r of recorded) {
        log.push(r);
        byId.set(r.id, r);
      }
      commits.fire();
      return { nextExpectedRevision: last.revision, position: last.position };
    },

    async readStream(streamId: string, opts: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
      guard();
      const s = streams.get(streamId);
      if (s?.head.tombstoned) throw new StreamDeletedError(streamId);
      if (!s || s.head.deleted || s.events.length === 0) throw new StreamNotFoundError(streamId);
      return readStreamSlice(s.events, opts);
    },

    async readAll(opts: ReadAllOptions = {}): Promise<RecordedEvent[]> {
      guard();
      return readLog(opts.after, opts.maxCount ?? Number.MAX_SAFE_INTEGER);
    },

    subscribeToAll(opts: SubscribeOptions = {}): Subscription {
      guard();
      return catchUpSubscription(readLog, commits, opts, () => !closed);
    },

    async deleteStream(streamId: string, opts: { expectedRevision?: ExpectedRevision } = {}) {
      guard();
      remove(streamId, opts.expectedRevision ?? 'any', false);
    },

    async tombstoneStream(streamId: string, opts: { expectedRevision?: ExpectedRevision } = {}) {
      guard();
      remove(streamId, opts.expectedRevision ?? 'any', true);
    },

    async close() {
      closed = true;
      commits.fire();
    },
  };

  function readLog(after: bigint | undefined, maxCount: number): RecordedEvent[] {
    const from = after === undefined ? 0 : firstIndexAfter(after);
    return log.slice(from, from + maxCount);
  }

  function firstIndexAfter(position: bigint): number {
    let lo = 0;
    let hi = log.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (log[mid]!.position <= position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Deleted events are removed from the log too: purging a report must really remove it. */
  function remove(streamId: string, expected: ExpectedRevision, tombstone: boolean): void {
    const s = stream(streamId);
    checkExpectation(streamId, expected, s.head);
    if (!tombstone && (s.head.lastRevision === undefined || s.head.deleted))
      throw new StreamNotFoundError(streamId);
    const gone = new Set(s.events.map((e) => e.id));
    for (let i = log.length - 1; i >= 0; i--) if (gone.has(log[i]!.id)) log.splice(i, 1);
    for (const id of gone) byId.delete(id);
    streams.set(streamId, {
      head: { lastRevision: s.head.lastRevision, deleted: true, tombstoned: tombstone },
      events: [],
    });
  }
}
