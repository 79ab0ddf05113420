import {
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendResult,
  type EventStore,
  type Json,
  type RecordedEvent,
} from '@integrity-desk/eventstore';
import { upcasters } from '../upcasting/upcasters.ts';
import type { CommandMetadata, DomainEvent } from './command.ts';

/** A decider for one stream kind: pure decide and evolve, plus parsing of stored events. */
export interface Decider<Command, Event extends DomainEvent<string, unknown>, State> {
  readonly decide: (command: Command, state: State) => Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
  readonly parse: (type: string, data: unknown) => Event;
  /**
   * The state of a tombstoned stream (a purged report), when this kind of stream can be
   * tombstoned: reads then answer it instead of throwing, and every command meets the
   * decider's own refusal.
   */
  readonly deleted?: (streamId: string) => State;
}

export interface HandleOptions {
  /**
   * The revision the caller saw (an HTTP If-Match). When the stream has moved on, the command
   * fails with WrongExpectedVersionError before deciding: a 412, never a silent overwrite.
   * 'no_stream' means the caller expects the stream not to exist yet.
   */
  readonly expectedRevision?: bigint | 'no_stream';
  /**
   * Without `expectedRevision` the caller saw no revision, so an append that loses to a
   * concurrent one on the stream is no conflict of theirs: read, decide and append again, up to
   * this many attempts in all (default 1: the WrongExpectedVersionError is thrown). A command
   * whose eventId is already in the stream appends nothing, so a retry never duplicates.
   */
  readonly attempts?: number;
}

export interface HandleResult<Event, State> {
  /** Events this command appended (empty when it was a retry of an appended command). */
  readonly events: readonly Event[];
  readonly state: State;
  /** Revision of the stream's last event after the command. */
  readonly revision: bigint;
  /** Global position of the last event written, for waiting on read models. */
  readonly position: bigint | undefined;
}

export interface StreamRead<Event, State> {
  readonly state: State;
  readonly revision: bigint | 'no_stream';
  readonly eventIds: ReadonlySet<string>;
  readonly events: readonly { event: Event; position: bigint }[];
}

/** A stored event as the decider knows it: brought up to today's shape, then parsed. */
export function parseRecorded<Event>(
  decider: { readonly parse: (type: string, data: unknown) => Event },
  recorded: RecordedEvent,
): Event {
  const current = upcasters.upcast(recorded);
  return decider.parse(current.type, current.data);
}

export async function readAggregate<Command, Event extends DomainEvent<string, unknown>, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
): Promise<StreamRead<Event, State>> {
  let recorded;
  try {
    recorded = await store.readStream(streamId);
  } catch (error) {
    const gone = error instanceof StreamDeletedError ? decider.deleted?.(streamId) : undefined;
    if (gone !== undefined)
      return { state: gone, revision: 'no_stream', eventIds: new Set(), events: [] };
    if (error instanceof StreamNotFoundError)
      return {
        state: decider.initialState,
        revision: 'no_stream',
        eventIds: new Set(),
        events: [],
      };
    throw error;
  }
  let state = decider.initialState;
  const events: { event: Event; position: bigint }[] = [];
  for (const r of recorded) {
    const event = parseRecorded(decider, r);
    state = decider.evolve(state, event);
    events.push({ event, position: r.position });
  }
  const last = recorded.at(-1);
  return {
    state,
    revision: last ? last.revision : 'no_stream',
    eventIds: new Set(recorded.map((r) => r.id)),
    events,
  };
}

/**
 * Reads a stream, folds it, decides, and appends with the revision read, so two concurrent
 * commands on one stream cannot both win. A command whose eventId is already in the stream is
 * a retry and appends nothing.
 */
export async function handleCommand<
  Command extends { metadata: CommandMetadata },
  Event extends DomainEvent<string, unknown>,
  State,
>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  command: Command,
  options: HandleOptions = {},
): Promise<HandleResult<Event, State>> {
  const attempts = options.expectedRevision === undefined ? (options.attempts ?? 1) : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await decideAndAppend();
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= attempts) throw error;
    }
  }

  /** One attempt: read and fold, decide, append at the revision read. */
  async function decideAndAppend(): Promise<HandleResult<Event, State>> {
    const read = await readAggregate(store, streamId, decider);
    if (options.expectedRevision !== undefined && options.expectedRevision !== read.revision)
      throw new WrongExpectedVersionError(streamId, options.expectedRevision, read.revision);
    if (read.revision !== 'no_stream' && read.eventIds.has(command.metadata.eventId))
      return { events: [], state: read.state, revision: read.revision, position: undefined };
    // Validated on write: an event that does not parse (e.g. a malformed envelope) is never stored.
    const events = decider.decide(command, read.state).map((e) => decider.parse(e.type, e.data));
    if (events.length === 0)
      return {
        events,
        state: read.state,
        revision: read.revision === 'no_stream' ? -1n : read.revision,
        position: undefined,
      };
    const result: AppendResult = await store.append(
      streamId,
      events.map((e, i) => ({
        id: i === 0 ? command.metadata.eventId : `${command.metadata.eventId}-${i}`,
        type: e.type,
        data: e.data as Json,
        // Its schema version, for the upcasters of a later version of this code.
        metadata: upcasters.metadataFor(e.type),
      })),
      { expectedRevision: read.revision },
    );
    return {
      events,
      state: events.reduce(decider.evolve, read.state),
      revision: result.nextExpectedRevision,
      position: result.position,
    };
  }
}
