/**
 * The EventStoreDB adapter (`@eventstore/db-client` 6.2.1), for deployments that outgrow one
 * machine. It implements the same port as the memory and SQLite adapters and passes the same
 * contract suite (against the protocol stand-in here, and against a real server wherever one is
 * reachable).
 *
 * Positions. EventStoreDB addresses $all by `{ commit, prepare }`. Events written through gRPC
 * are implicit, single-write transactions, and for those the server reports commit = prepare =
 * the event's own log position; commit positions then order $all exactly. So our `bigint`
 * position is the commit position, and a stored position resumes as `{ commit: p, prepare: p }`
 * (what EventStoreDB itself hands out for such events). A bigint that fits in SQLite's INTEGER
 * keeps the projection runner's checkpoint table unchanged. Only events written by the legacy
 * TCP API's explicit transactions could share a commit position; this platform never writes any.
 *
 * Deletion. EventStoreDB leaves a deleted or tombstoned stream's events in $all until a scavenge
 * has run on every node. The port promises more (a purged report leaves $all at once), so readAll
 * and subscriptions hide events that their stream no longer shows: each stream's first visible
 * revision is looked up once (one read of one event) and cached; a subscription drops the cached
 * answer when a deletion marker (`$metadata` in `$$stream`, `$streamDeleted`) passes by. The
 * bytes themselves leave the disks only with a scavenge: see docs/deploy-eventstoredb.md.
 *
 * Event ids. EventStoreDB judges an idempotent retry within the stream (the same ids at the same
 * place succeed without duplicates), but keeps no global index of event ids: the same id in
 * another stream, or a known id inside a new batch, is not detected. Ids are random UUIDs chosen
 * per event, so this matters only to a caller that reuses them on purpose.
 */
import {
  EventStoreDBClient,
  START,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { coarseTime } from '../port/coarse-time.ts';
import {
  EventStoreError,
  InvalidAppendError,
  StoreClosedError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../port/errors.ts';
import { matchesFilter } from '../port/catch-up.ts';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  Json,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../port/types.ts';

export interface RetryOptions {
  /** Attempts of one operation before it fails (default 10: about 10 s with the defaults). */
  readonly attempts?: number;
  /**
   * Consecutive failed reconnects before a subscription fails (default 60: about two minutes,
   * enough for a leader election or a rolling restart of the cluster).
   */
  readonly subscriptionAttempts?: number;
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
}

export type EsdbEventStoreOptions = (
  { readonly connectionString: string } | { readonly client: EventStoreDBClient }
) & { readonly retry?: RetryOptions };

type ClientEvent = NonNullable<ResolvedEvent['event']>;

/** Error `type` values of @eventstore/db-client (its ErrorType enum). */
const TRANSIENT = new Set([
  'unavailable',
  'cancelled',
  'deadline-exceeded',
  'not-leader',
  'timeout',
]);

function errorType(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'type' in err && typeof err.type === 'string'
    ? err.type
    : undefined;
}

function isTransient(err: unknown): boolean {
  const type = errorType(err);
  if (type !== undefined) return TRANSIENT.has(type);
  // A dropped connection can surface as a plain stream error before the client classifies it.
  const code = (err as { code?: unknown } | null)?.code;
  return code === 14 || code === 1 || code === 'ERR_STREAM_PREMATURE_CLOSE';
}

const isSystem = (e: { streamId: string; type: string }) =>
  e.type.startsWith('$') || e.streamId.startsWith('$');

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function toPosition(p: bigint) {
  return { commit: p, prepare: p };
}

function toRecorded(e: ClientEvent): RecordedEvent {
  const data: Json = e.isJson
    ? (e.data as Json)
    : Buffer.from(e.data as Uint8Array).toString('base64');
  const metadata: Json =
    e.metadata === undefined
      ? {}
      : e.metadata instanceof Uint8Array
        ? Buffer.from(e.metadata).toString('base64')
        : (e.metadata as Json);
  return {
    id: e.id,
    type: e.type,
    streamId: e.streamId,
    revision: e.revision,
    position: e.position?.commit ?? 0n,
    data,
    metadata,
    created: coarseTime(e.created.getTime()),
  };
}

/** First revision a stream still shows, or null when it shows none (deleted, tombstoned). */
type Visibility = bigint | null;

export function createEsdbEventStore(options: EsdbEventStoreOptions): EventStore {
  const ownsClient = 'connectionString' in options;
  const client =
    'client' in options
      ? options.client
      : EventStoreDBClient.connectionString(options.connectionString);
  const attempts = options.retry?.attempts ?? 10;
  const subscriptionAttempts = options.retry?.subscriptionAttempts ?? 60;
  const initialDelay = options.retry?.initialDelayMs ?? 50;
  const maxDelay = options.retry?.maxDelayMs ?? 2_000;
  const backoff = (attempt: number) => Math.min(maxDelay, initialDelay * 2 ** attempt);
  const subscriptions = new Set<Subscription>();
  let closed = false;

  const guard = () => {
    if (closed) throw new StoreClosedError();
  };

  /** Retries an operation on a dropped connection; safe for appends since ids make them idempotent. */
  async function withRetry<T>(op: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await op();
      } catch (err) {
        if (closed || !isTransient(err)) throw err;
        if (attempt + 1 >= attempts)
          throw new EventStoreError(`EventStoreDB unreachable after ${attempts} attempts`, {
            cause: err,
          });
        await sleep(backoff(attempt));
      }
    }
  }

  async function readRaw(
    streamId: string,
    opts: Parameters<EventStoreDBClient['readStream']>[1],
  ): Promise<ClientEvent[]> {
    return withRetry(async () => {
      const out: ClientEvent[] = [];
      try {
        for await (const r of client.readStream(streamId, opts)) if (r.event) out.push(r.event);
      } catch (err) {
        const type = errorType(err);
        if (type === 'stream-not-found') throw new StreamNotFoundError(streamId);
        if (type === 'stream-deleted') throw new StreamDeletedError(streamId);
        throw err;
      }
      return out;
    });
  }

  async function visibility(streamId: string): Promise<Visibility> {
    try {
      const [first] = await readRaw(streamId, { maxCount: 1, fromRevision: START });
      return first ? first.revision : null;
    } catch (err) {
      if (err instanceof StreamNotFoundError || err instanceof StreamDeletedError) return null;
      throw err;
    }
  }

  function wrongVersion(
    streamId: string,
    expected: ExpectedRevision,
    actual: unknown,
  ): WrongExpectedVersionError {
    return new WrongExpectedVersionError(
      streamId,
      expected,
      typeof actual === 'bigint' && actual >= 0n ? actual : 'no_stream',
    );
  }

  function mapWriteError(streamId: string, expected: ExpectedRevision, err: unknown): unknown {
    const type = errorType(err);
    if (type === 'wrong-expected-version')
      return wrongVersion(streamId, expected, (err as { actualVersion?: unknown }).actualVersion);
    if (type === 'stream-deleted') return new StreamDeletedError(streamId);
    if (type === 'stream-not-found') return new StreamNotFoundError(streamId);
    return err;
  }

  async function remove(streamId: string, expected: ExpectedRevision, tombstone: boolean) {
    guard();
    if (typeof expected === 'bigint' && expected < 0n)
      throw new InvalidAppendError('expected revision must be >= 0');
    let wire: 'any' | 'no_stream' | bigint;
    if (expected === 'stream_exists') {
      // The client's delete and tombstone take no stream_exists: check it with the current revision.
      const [last] = await readRaw(streamId, { direction: 'backwards', maxCount: 1 }).catch(
        (err: unknown) => {
          if (err instanceof StreamNotFoundError) throw wrongVersion(streamId, expected, undefined);
          throw err;
        },
      );
      wire = last!.revision;
    } else wire = expected;
    try {
      await withRetry(() =>
        tombstone
          ? client.tombstoneStream(streamId, { expectedRevision: wire })
          : client.deleteStream(streamId, { expectedRevision: wire }),
      );
    } catch (err) {
      throw mapWriteError(streamId, expected, err);
    }
  }

  /** Reads $all forwards, skipping system events and events their stream no longer shows. */
  async function readAll(opts: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    guard();
    const max = opts.maxCount ?? Number.MAX_SAFE_INTEGER;
    const seen = new Map<string, Visibility>();
    const out: RecordedEvent[] = [];
    let after = opts.after;
    while (out.length < max) {
      const from = after;
      // Small reads stay small: every stream in a page costs a look-up.
      const pageSize = Math.min(1024, Math.max(64, max - out.length));
      const page = await withRetry(async () => {
        const events: ClientEvent[] = [];
        for await (const r of client.readAll({
          fromPosition: from === undefined ? START : toPosition(from),
          maxCount: pageSize,
        })) {
          if (r.event) events.push(r.event);
        }
        return events;
      });
      const fresh = page.filter((e) => after === undefined || (e.position?.commit ?? 0n) > after);
      const user = fresh.filter((e) => !isSystem(e));
      // One look-up per stream not seen yet, a bounded number at a time.
      const unknown = [...new Set(user.map((e) => e.streamId))].filter((id) => !seen.has(id));
      await Promise.all(
        Array.from({ length: Math.min(32, unknown.length) }, async () => {
          for (let id = unknown.pop(); id !== undefined; id = unknown.pop())
            seen.set(id, await visibility(id));
        }),
      );
      for (const e of user) {
        const first = seen.get(e.streamId)!;
        if (first !== null && e.revision >= first) out.push(toRecorded(e));
        if (out.length >= max) break;
      }
      if (page.length < pageSize || fresh.length === 0) break;
      after = fresh[fresh.length - 1]!.position?.commit ?? after;
    }
    return out;
  }

  function subscribeToAll(opts: SubscribeOptions = {}): Subscription {
    guard();
    type Item =
      | { kind: 'event'; event: ClientEvent }
      | { kind: 'checkpoint'; position: bigint }
      | { kind: 'dropped'; error?: unknown };
    const queue: Item[] = [];
    let wake: (() => void) | undefined;
    let checkpoint = opts.after;
    let ended = false;
    let current: AllStreamSubscription | undefined;
    const cache = new Map<string, Visibility>();
    const streamPrefixes = opts.filter?.streamPrefixes;
    const typePrefixes = opts.filter?.eventTypePrefixes;

    const push = (item: Item) => {
      queue.push(item);
      if (queue.length > 2048) current?.pause();
      const w = wake;
      wake = undefined;
      w?.();
    };

    const connect = () => {
      // The server filters; deletion markers are let through so hidden events stay hidden live.
      let sub: AllStreamSubscription;
      const checkpointReached = async (s: AllStreamSubscription, position: { commit: bigint }) => {
        // Events before the checkpoint may still sit in the readable buffer: let them out first.
        while (s.readableLength > 0 && !ended) await new Promise((r) => setImmediate(r));
        if (s === current) push({ kind: 'checkpoint', position: position.commit });
      };
      const fromPosition = checkpoint === undefined ? START : toPosition(checkpoint);
      if (streamPrefixes) {
        sub = client.subscribeToAll({
          fromPosition,
          filter: streamNameFilter({
            prefixes: [...streamPrefixes, ...streamPrefixes.map((p) => `$$${p}`)],
            checkpointReached,
          }),
        });
      } else if (typePrefixes) {
        sub = client.subscribeToAll({
          fromPosition,
          filter: eventTypeFilter({
            prefixes: [...typePrefixes, '$metadata', '$streamDeleted'],
            checkpointReached,
          }),
        });
      } else {
        sub = client.subscribeToAll({ fromPosition });
      }
      current = sub;
      sub.on('data', (r: AllStreamResolvedEvent) => {
        if (sub === current && r.event) push({ kind: 'event', event: r.event });
      });
      sub.on('error', (error: unknown) => {
        if (sub === current) push({ kind: 'dropped', error });
      });
      sub.on('end', () => {
        if (sub === current) push({ kind: 'dropped' });
      });
    };

    const next = async (): Promise<Item | undefined> => {
      while (queue.length === 0 && !ended) await new Promise<void>((r) => (wake = r));
      if (ended) return undefined;
      if (queue.length < 256 && current?.isPaused()) current.resume();
      return queue.shift();
    };

    async function visible(e: ClientEvent): Promise<boolean> {
      let first = cache.get(e.streamId);
      if (first === undefined) {
        if (cache.size > 10_000) cache.clear();
        first = await visibility(e.streamId);
        cache.set(e.streamId, first);
      }
      return first !== null && e.revision >= first;
    }

    async function* iterate(): AsyncGenerator<RecordedEvent> {
      let failures = 0;
      connect();
      while (!ended) {
        const item = await next();
        if (!item) return;
        if (item.kind === 'checkpoint') {
          if (checkpoint === undefined || item.position > checkpoint) checkpoint = item.position;
          continue;
        }
        if (item.kind === 'dropped') {
          if (ended || closed) return;
          if (item.error !== undefined && !isTransient(item.error)) throw item.error;
          if (++failures >= subscriptionAttempts)
            throw new EventStoreError(
              `EventStoreDB subscription lost ${subscriptionAttempts} times in a row`,
              { cause: item.error },
            );
          const old = current;
          current = undefined;
          queue.length = 0;
          void old?.unsubscribe().catch(() => undefined);
          await sleep(backoff(failures - 1));
          if (ended) return;
          connect();
          continue;
        }
        failures = 0;
        const e = item.event;
        const position = e.position?.commit ?? 0n;
        // After a resubscribe the server starts after the checkpoint; never repeat anyway.
        if (checkpoint !== undefined && position <= checkpoint) continue;
        if (e.type === '$streamDeleted') cache.set(e.streamId, null);
        else if (e.type === '$metadata' && e.streamId.startsWith('$$'))
          cache.delete(e.streamId.slice(2));
        let keep = !isSystem(e) && matchesFilter(toRecorded(e), opts.filter);
        if (keep) keep = await visible(e);
        if (ended) return;
        checkpoint = position;
        if (keep) yield toRecorded(e);
      }
    }

    const iterator = iterate();
    const subscription: Subscription = {
      [Symbol.asyncIterator]: () => iterator,
      checkpoint: () => checkpoint,
      close: async () => {
        ended = true;
        subscriptions.delete(subscription);
        const sub = current;
        current = undefined;
        wake?.();
        await sub?.unsubscribe().catch(() => undefined);
        await iterator.return(undefined);
      },
    };
    subscriptions.add(subscription);
    return subscription;
  }

  return {
    async append(
      streamId: string,
      events: readonly EventToAppend[],
      opts = {},
    ): Promise<AppendResult> {
      guard();
      const expected = opts.expectedRevision ?? 'any';
      if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
      if (new Set(events.map((e) => e.id)).size !== events.length)
        throw new InvalidAppendError('event ids within one append must differ');
      if (typeof expected === 'bigint' && expected < 0n)
        throw new InvalidAppendError('expected revision must be >= 0');
      const proposed = events.map((e) =>
        jsonEvent({
          id: e.id,
          type: e.type,
          data: e.data as Parameters<typeof jsonEvent>[0]['data'],
          metadata: (e.metadata ?? {}) as Parameters<typeof jsonEvent>[0]['data'],
        }),
      );
      let result;
      try {
        result = await withRetry(() =>
          client.appendToStream(streamId, proposed, { expectedRevision: expected }),
        );
      } catch (err) {
        throw mapWriteError(streamId, expected, err);
      }
      let position = result.position?.commit;
      if (position === undefined || position < 0n) {
        // An idempotent retry comes back without a position: look up where the batch sits.
        const [last] = await readRaw(streamId, {
          direction: 'backwards',
          fromRevision: result.nextExpectedRevision,
          maxCount: 1,
        });
        position = last?.position?.commit ?? 0n;
      }
      return { nextExpectedRevision: result.nextExpectedRevision, position };
    },

    async readStream(streamId: string, opts: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
      guard();
      const direction = opts.direction ?? 'forwards';
      const events = await readRaw(streamId, {
        direction,
        fromRevision: opts.fromRevision ?? (direction === 'forwards' ? 'start' : 'end'),
        maxCount: opts.maxCount ?? Number.MAX_SAFE_INTEGER,
      });
      return events.map(toRecorded);
    },

    readAll,
    subscribeToAll,

    async deleteStream(streamId: string, opts: { expectedRevision?: ExpectedRevision } = {}) {
      await remove(streamId, opts.expectedRevision ?? 'any', false);
    },

    async tombstoneStream(streamId: string, opts: { expectedRevision?: ExpectedRevision } = {}) {
      await remove(streamId, opts.expectedRevision ?? 'any', true);
    },

    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((s) => s.close()));
      if (ownsClient) await client.dispose();
    },
  };
}
