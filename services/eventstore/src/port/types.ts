/**
 * The event store port. Every adapter (memory, sqlite, esdb) implements exactly this, and one
 * contract suite (../contract) holds each of them to it. Semantics follow EventStoreDB so the
 * embedded store and the cluster are interchangeable.
 */

/** JSON value stored as event data or metadata. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What a caller appends. `id` is chosen by the client (a UUID) so retries are idempotent. */
export interface EventToAppend {
  readonly id: string;
  readonly type: string;
  readonly data: Json;
  readonly metadata?: Json;
}

/** A stored event as read back. */
export interface RecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  /** 0-based position of the event within its stream. */
  readonly revision: bigint;
  /** Position in the global log ($all); strictly increasing, not necessarily contiguous. */
  readonly position: bigint;
  readonly data: Json;
  readonly metadata: Json;
  /** Coarse time the store committed the event, ms since epoch, rounded to the minute. */
  readonly created: number;
}

/**
 * Expected revision of a stream before an append, as EventStoreDB:
 * - 'no_stream': the stream must not exist,
 * - 'stream_exists': it must exist (and not be deleted),
 * - 'any': no check,
 * - bigint: the revision of the stream's last event must be exactly this.
 */
export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | bigint;

export interface AppendResult {
  /** Revision of the last event written (or already present, for an idempotent retry). */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last event written. */
  readonly position: bigint;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** Start revision (inclusive). Default: the start (forwards) or the end (backwards). */
  readonly fromRevision?: bigint | 'start' | 'end';
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive lower bound: events with position > after. Default: from the beginning. */
  readonly after?: bigint;
  readonly maxCount?: number;
}

export interface SubscriptionFilter {
  /** Keep events whose stream id starts with one of these prefixes. */
  readonly streamPrefixes?: readonly string[];
  /** Keep events whose type starts with one of these prefixes. */
  readonly eventTypePrefixes?: readonly string[];
}

export interface SubscribeOptions {
  /** Resume after this position (a stored checkpoint); default: from the beginning. */
  readonly after?: bigint;
  readonly filter?: SubscriptionFilter;
}

/**
 * A catch-up subscription to the global log: it reads history after the given position, then
 * goes live, with no gap and no duplicate. Consume with `for await`. `checkpoint` is the
 * position of the last event the subscription has passed over (including filtered-out events),
 * so a consumer can store it even when no matching event arrives for a long time.
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  readonly checkpoint: () => bigint | undefined;
  readonly close: () => Promise<void>;
}

export interface EventStore {
  append(
    streamId: string,
    events: readonly EventToAppend[],
    options?: { readonly expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** Soft delete: the stream reads as not found; appending with 'no_stream'/'any' recreates it. */
  deleteStream(
    streamId: string,
    options?: { readonly expectedRevision?: ExpectedRevision },
  ): Promise<void>;
  /** Hard delete: the stream can never be written again (purged reports). */
  tombstoneStream(
    streamId: string,
    options?: { readonly expectedRevision?: ExpectedRevision },
  ): Promise<void>;
  close(): Promise<void>;
}
