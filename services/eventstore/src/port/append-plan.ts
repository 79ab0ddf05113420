import {
  DuplicateEventIdError,
  InvalidAppendError,
  StreamDeletedError,
  WrongExpectedVersionError,
} from './errors.ts';
import type { EventToAppend, ExpectedRevision } from './types.ts';

/** What an adapter knows about a stream before an append. */
export interface StreamHead {
  /** Revision of the last event ever written; undefined when the stream never existed. */
  readonly lastRevision: bigint | undefined;
  /** Soft-deleted: reads as absent, may be recreated; revisions continue. */
  readonly deleted: boolean;
  readonly tombstoned: boolean;
}

export interface ExistingEvent {
  readonly streamId: string;
  readonly revision: bigint;
}

export type AppendPlan =
  | { readonly kind: 'write'; readonly firstRevision: bigint }
  | { readonly kind: 'idempotent'; readonly lastRevision: bigint };

/** Revision as the caller sees it: 'no_stream' when absent or soft-deleted. */
export function actualRevision(head: StreamHead): bigint | 'no_stream' {
  return head.lastRevision === undefined || head.deleted ? 'no_stream' : head.lastRevision;
}

function expectationHolds(expected: ExpectedRevision, actual: bigint | 'no_stream'): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 'no_stream';
  if (expected === 'stream_exists') return actual !== 'no_stream';
  return actual === expected;
}

/** Would the batch have been accepted at revision `at` under this expectation? */
function expectationHeldAt(expected: ExpectedRevision, at: bigint): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return at === 0n;
  if (expected === 'stream_exists') return at > 0n;
  return at === expected + 1n;
}

/**
 * Decides what an append does, the same way for every adapter (EventStoreDB's rules):
 * a batch whose ids already sit, in order, at the place the expectation points to is an
 * idempotent retry; ids found anywhere else are an error; otherwise the expectation is checked.
 */
export function planAppend(
  streamId: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
  head: StreamHead,
  findEvent: (eventId: string) => ExistingEvent | undefined,
  idsAt: (streamId: string, fromRevision: bigint, count: number) => readonly string[],
  /** Adapters with a unique index on event id can leave the per-id check to it. */
  checkEveryId = true,
): AppendPlan {
  if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
  const ids = new Set(events.map((e) => e.id));
  if (ids.size !== events.length)
    throw new InvalidAppendError('event ids within one append must differ');
  if (typeof expected === 'bigint' && expected < 0n)
    throw new InvalidAppendError('expected revision must be >= 0');
  if (head.tombstoned) throw new StreamDeletedError(streamId);

  const first = events[0]!;
  const existing = findEvent(first.id);
  if (existing) {
    if (existing.streamId !== streamId) throw new DuplicateEventIdError(streamId, first.id);
    const stored = idsAt(streamId, existing.revision, events.length);
    const same = stored.length === events.length && stored.every((id, i) => id === events[i]!.id);
    if (!same) throw new DuplicateEventIdError(streamId, first.id);
    if (!expectationHeldAt(expected, existing.revision)) {
      throw new WrongExpectedVersionError(streamId, expected, actualRevision(head));
    }
    return { kind: 'idempotent', lastRevision: existing.revision + BigInt(events.length) - 1n };
  }

  const actual = actualRevision(head);
  if (!expectationHolds(expected, actual))
    throw new WrongExpectedVersionError(streamId, expected, actual);
  for (const e of checkEveryId ? events.slice(1) : []) {
    if (findEvent(e.id)) throw new DuplicateEventIdError(streamId, e.id);
  }
  return {
    kind: 'write',
    firstRevision: head.lastRevision === undefined ? 0n : head.lastRevision + 1n,
  };
}

/** Checks an expectation for delete/tombstone. */
export function checkExpectation(
  streamId: string,
  expected: ExpectedRevision,
  head: StreamHead,
): void {
  if (head.tombstoned) throw new StreamDeletedError(streamId);
  const actual = actualRevision(head);
  if (!expectationHolds(expected, actual))
    throw new WrongExpectedVersionError(streamId, expected, actual);
}
