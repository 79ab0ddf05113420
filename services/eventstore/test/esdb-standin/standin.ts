/**
 * A protocol-level stand-in for EventStoreDB, for tests only. It registers the Streams service
 * from @eventstore/db-client's own generated gRPC definitions on a @grpc/grpc-js server bound to
 * 127.0.0.1, so the real client talks to it over a real socket. It keeps events in memory and
 * follows EventStoreDB's documented semantics where the adapter depends on them (see README.md
 * for what it does not model). ServerFeatures is deliberately not registered: the client then
 * falls back to the classic (streaming) Append call.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import * as grpc from '@grpc/grpc-js';
import { planAppend, checkExpectation, type StreamHead } from '../../src/port/append-plan.ts';
import {
  DuplicateEventIdError,
  StreamDeletedError,
  WrongExpectedVersionError,
} from '../../src/port/errors.ts';
import type { ExpectedRevision } from '../../src/port/types.ts';

type StreamsPb = typeof import('@eventstore/db-client/generated/streams_pb');
type SharedPb = typeof import('@eventstore/db-client/generated/shared_pb');
type StreamsGrpcPb = typeof import('@eventstore/db-client/generated/streams_grpc_pb');
type ReadReq = import('@eventstore/db-client/generated/streams_pb').ReadReq;
type ReadResp = import('@eventstore/db-client/generated/streams_pb').ReadResp;
type AppendReq = import('@eventstore/db-client/generated/streams_pb').AppendReq;
type AppendResp = import('@eventstore/db-client/generated/streams_pb').AppendResp;
type DeleteReq = import('@eventstore/db-client/generated/streams_pb').DeleteReq;
type DeleteResp = import('@eventstore/db-client/generated/streams_pb').DeleteResp;
type TombstoneReq = import('@eventstore/db-client/generated/streams_pb').TombstoneReq;
type TombstoneResp = import('@eventstore/db-client/generated/streams_pb').TombstoneResp;

// The generated modules are CommonJS that extend `exports` dynamically; load them as such, from
// the very files the client uses, so `instanceof` checks in their serializers hold.
const require = createRequire(import.meta.url);
const pb = require('@eventstore/db-client/generated/streams_pb.js') as StreamsPb;
const shared = require('@eventstore/db-client/generated/shared_pb.js') as SharedPb;
const { StreamsService } =
  require('@eventstore/db-client/generated/streams_grpc_pb.js') as StreamsGrpcPb;

/** EventStoreDB's "deleted stream" event number (long.MaxValue). */
const DELETED = 9223372036854775807n;
const TICKS_PER_MS = 10_000n;
const DEFAULT_WINDOW = 32;

interface StoredEvent {
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
  /** Log position; the stand-in writes no explicit transactions, so commit = prepare. */
  readonly position: bigint;
  readonly createdTicks: bigint;
}

interface StreamState {
  lastRevision: bigint | undefined;
  /** Truncate-before ($tb): events below it are invisible; DELETED marks a soft delete. */
  truncateBefore: bigint;
  tombstoned: boolean;
  events: StoredEvent[];
}

/** An event as proposed by a client, before the log places it. */
interface Proposed {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata?: Uint8Array;
}

type Waiter = () => void;

/** The in-memory log, kept across server restarts so a restart looks like a node coming back. */
class Log {
  readonly all: StoredEvent[] = [];
  readonly streams = new Map<string, StreamState>();
  private nextPosition = 1_000n;
  private waiters = new Set<Waiter>();

  constructor(private readonly now: () => number) {
    // A real server's $all starts with system events; the adapter must skip them.
    this.write('$settings', undefined, [
      { id: randomUUID(), type: '$metadata', contentType: 'application/json', data: json({}) },
    ]);
    this.write('$scavenges', undefined, [
      { id: randomUUID(), type: '$scavengeIndexInitialized', contentType: '', data: json({}) },
    ]);
  }

  stream(name: string): StreamState {
    let s = this.streams.get(name);
    if (!s) {
      s = { lastRevision: undefined, truncateBefore: 0n, tombstoned: false, events: [] };
      this.streams.set(name, s);
    }
    return s;
  }

  head(s: StreamState): StreamHead {
    return {
      lastRevision: s.lastRevision,
      deleted: s.truncateBefore === DELETED,
      tombstoned: s.tombstoned,
    };
  }

  write(name: string, revision: bigint | undefined, events: readonly Proposed[]): StoredEvent[] {
    const s = this.stream(name);
    let next = revision ?? (s.lastRevision === undefined ? 0n : s.lastRevision + 1n);
    const createdTicks = BigInt(this.now()) * TICKS_PER_MS;
    const written = events.map((e) => {
      const stored: StoredEvent = {
        ...e,
        metadata: e.metadata ?? new Uint8Array(),
        stream: name,
        revision: next++,
        position: this.nextPosition,
        createdTicks,
      };
      this.nextPosition += 64n + BigInt(e.data.length);
      return stored;
    });
    for (const e of written) {
      this.all.push(e);
      if (e.revision !== DELETED) {
        s.events.push(e);
        s.lastRevision = e.revision;
      }
    }
    this.notify();
    return written;
  }

  /** Rewrites a stream's metadata ($$stream) the way EventStoreDB does on delete/recreate. */
  setTruncateBefore(name: string, tb: bigint): void {
    this.stream(name).truncateBefore = tb;
    this.write(`$$${name}`, undefined, [
      {
        id: randomUUID(),
        type: '$metadata',
        contentType: 'application/json',
        data: Buffer.from(`{"$tb":${tb.toString()}}`),
      },
    ]);
  }

  visible(s: StreamState): StoredEvent[] {
    if (s.truncateBefore === 0n) return s.events;
    return s.events.filter((e) => e.revision >= s.truncateBefore);
  }

  firstIndexAfter(position: bigint): number {
    let lo = 0;
    let hi = this.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.all[mid]!.position <= position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  waitForMore(): { promise: Promise<void>; cancel: () => void } {
    let waiter: Waiter = () => undefined;
    const promise = new Promise<void>((resolve) => {
      waiter = resolve;
      this.waiters.add(waiter);
    });
    return { promise, cancel: () => this.waiters.delete(waiter) };
  }

  notify(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const w of waiters) w();
  }
}

function json(value: unknown): Uint8Array {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

function bytes(value: Uint8Array | string): Uint8Array {
  return typeof value === 'string' ? Buffer.from(value, 'base64') : value;
}

function streamName(identifier: { getStreamName(): Uint8Array | string } | undefined): string {
  if (!identifier) return '';
  const raw = identifier.getStreamName();
  return typeof raw === 'string'
    ? Buffer.from(raw, 'base64').toString('utf8')
    : Buffer.from(raw).toString('utf8');
}

function uuidString(
  uuid: import('@eventstore/db-client/generated/shared_pb').UUID | undefined,
): string {
  if (!uuid) return randomUUID();
  if (uuid.hasString()) return uuid.getString();
  const s = uuid.getStructured()!;
  const hex = (n: string) => BigInt.asUintN(64, BigInt(n)).toString(16).padStart(16, '0');
  const h = hex(s.getMostSignificantBits()) + hex(s.getLeastSignificantBits());
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

interface ExpectationOptions {
  hasRevision(): boolean;
  getRevision(): string;
  hasNoStream(): boolean;
  hasAny(): boolean;
  hasStreamExists(): boolean;
}

function expectedOf(o: ExpectationOptions): ExpectedRevision {
  if (o.hasRevision()) return BigInt(o.getRevision());
  if (o.hasNoStream()) return 'no_stream';
  if (o.hasStreamExists()) return 'stream_exists';
  return 'any';
}

/** EventStoreDB's wire numbers for expected versions in error metadata. */
function expectedNumber(e: ExpectedRevision): string {
  if (e === 'any') return '-2';
  if (e === 'no_stream') return '-1';
  if (e === 'stream_exists') return '-4';
  return e.toString();
}

function failure(exception: string, details: string, extra: Record<string, string>) {
  const metadata = new grpc.Metadata();
  metadata.set('exception', exception);
  for (const [k, v] of Object.entries(extra)) metadata.set(k, v);
  return {
    code: grpc.status.FAILED_PRECONDITION,
    details,
    metadata,
    name: exception,
    message: details,
  };
}

function errorFor(err: unknown) {
  if (err instanceof StreamDeletedError)
    return failure('stream-deleted', `Event stream '${err.streamId}' is deleted.`, {
      'stream-name': err.streamId,
    });
  if (err instanceof WrongExpectedVersionError)
    return failure('wrong-expected-version', err.message, {
      'stream-name': err.streamId,
      'expected-version': expectedNumber(err.expected),
      ...(err.actual === 'no_stream' ? {} : { 'actual-version': err.actual.toString() }),
    });
  return {
    code: grpc.status.INTERNAL,
    details: String(err),
    metadata: new grpc.Metadata(),
    name: 'internal',
    message: String(err),
  };
}

function positionOf<
  T extends { setCommitPosition(v: string): unknown; setPreparePosition(v: string): unknown },
>(target: T, position: bigint): T {
  target.setCommitPosition(position.toString());
  target.setPreparePosition(position.toString());
  return target;
}

function toReadResp(e: StoredEvent): ReadResp {
  const rec = new pb.ReadResp.ReadEvent.RecordedEvent();
  const id = new shared.UUID();
  id.setString(e.id);
  rec.setId(id);
  const ident = new shared.StreamIdentifier();
  ident.setStreamName(Buffer.from(e.stream, 'utf8'));
  rec.setStreamIdentifier(ident);
  rec.setStreamRevision(e.revision.toString());
  positionOf(rec, e.position);
  const meta = rec.getMetadataMap();
  meta.set('type', e.type);
  meta.set('content-type', e.contentType);
  meta.set('created', e.createdTicks.toString());
  rec.setData(e.data);
  rec.setCustomMetadata(e.metadata);
  const read = new pb.ReadResp.ReadEvent();
  read.setEvent(rec);
  read.setCommitPosition(e.position.toString());
  const resp = new pb.ReadResp();
  resp.setEvent(read);
  return resp;
}

type Matcher = (e: StoredEvent) => boolean;

function matcherOf(options: import('@eventstore/db-client/generated/streams_pb').ReadReq.Options): {
  matches: Matcher;
  checkpointEvery: number;
} {
  if (!options.hasFilter()) return { matches: () => true, checkpointEvery: 0 };
  const f = options.getFilter()!;
  const expr = f.hasStreamIdentifier() ? f.getStreamIdentifier()! : f.getEventType()!;
  const field = f.hasStreamIdentifier() ? (e: StoredEvent) => e.stream : (e: StoredEvent) => e.type;
  const prefixes = expr.getPrefixList();
  const regex = expr.getRegex() ? new RegExp(expr.getRegex()) : undefined;
  const matches: Matcher = (e) =>
    (prefixes.length === 0 || prefixes.some((p) => field(e).startsWith(p))) &&
    (!regex || regex.test(field(e)));
  const window = f.hasMax() ? f.getMax() : DEFAULT_WINDOW;
  return { matches, checkpointEvery: window * Math.max(1, f.getCheckpointintervalmultiplier()) };
}

export interface EsdbStandin {
  readonly port: number;
  readonly connectionString: string;
  /** Drops every connection and stops listening; state is kept. */
  stop(): Promise<void>;
  /** Listens again on the same port with the same state, as a restarted node would. */
  start(): Promise<void>;
  /** Stops and frees everything. */
  dispose(): Promise<void>;
}

export async function startEsdbStandin(options: { now?: () => number } = {}): Promise<EsdbStandin> {
  const log = new Log(options.now ?? Date.now);
  const liveCalls = new Set<{ end: () => void }>();
  let server: grpc.Server | undefined;
  let port = 0;

  const append: grpc.handleClientStreamingCall<AppendReq, AppendResp> = (call, callback) => {
    let name = '';
    let expected: ExpectedRevision = 'any';
    const proposed: Proposed[] = [];
    call.on('data', (req: AppendReq) => {
      if (req.hasOptions()) {
        const o = req.getOptions()!;
        name = streamName(o.getStreamIdentifier());
        expected = expectedOf(o);
      } else if (req.hasProposedMessage()) {
        const m = req.getProposedMessage()!;
        const meta = m.getMetadataMap();
        proposed.push({
          id: uuidString(m.getId()),
          type: meta.get('type') ?? '',
          contentType: meta.get('content-type') ?? 'application/octet-stream',
          data: bytes(m.getData()),
          metadata: bytes(m.getCustomMetadata()),
        });
      }
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      const resp = new pb.AppendResp();
      try {
        const s = log.stream(name);
        // EventStoreDB has no global event-id index: idempotency is judged within the stream.
        let plan;
        try {
          plan = planAppend(
            name,
            proposed.map((p) => ({ id: p.id, type: p.type, data: null })),
            expected,
            log.head(s),
            (id) => {
              const found = s.events.find((e) => e.id === id);
              return found && { streamId: name, revision: found.revision };
            },
            (_sid, from, count) =>
              s.events
                .filter((e) => e.revision >= from)
                .slice(0, count)
                .map((e) => e.id),
            false,
          );
        } catch (err) {
          // A batch that only partly matches what is stored: EventStoreDB's "corrupted
          // idempotency", reported as a wrong expected version.
          if (err instanceof DuplicateEventIdError)
            throw new WrongExpectedVersionError(
              name,
              expected,
              log.head(s).lastRevision ?? 'no_stream',
            );
          throw err;
        }
        const success = new pb.AppendResp.Success();
        if (plan.kind === 'idempotent') {
          success.setCurrentRevision(plan.lastRevision.toString());
          success.setNoPosition(new shared.Empty());
        } else {
          if (log.head(s).deleted) log.setTruncateBefore(name, plan.firstRevision);
          const written = log.write(name, plan.firstRevision, proposed);
          const last = written[written.length - 1]!;
          success.setCurrentRevision(last.revision.toString());
          success.setPosition(positionOf(new pb.AppendResp.Position(), last.position));
        }
        resp.setSuccess(success);
        callback(null, resp);
      } catch (err) {
        if (err instanceof WrongExpectedVersionError) {
          const wev = new pb.AppendResp.WrongExpectedVersion();
          if (err.actual === 'no_stream') wev.setCurrentNoStream(new shared.Empty());
          else wev.setCurrentRevision(err.actual.toString());
          if (err.expected === 'any') wev.setExpectedAny(new shared.Empty());
          else if (err.expected === 'no_stream') wev.setExpectedNoStream(new shared.Empty());
          else if (err.expected === 'stream_exists')
            wev.setExpectedStreamExists(new shared.Empty());
          else wev.setExpectedRevision(err.expected.toString());
          resp.setWrongExpectedVersion(wev);
          callback(null, resp);
          return;
        }
        callback(errorFor(err));
      }
    });
  };

  const remove = (name: string, expected: ExpectedRevision, tombstone: boolean): bigint => {
    const s = log.stream(name);
    checkExpectation(name, expected, log.head(s));
    if (tombstone) {
      s.tombstoned = true;
      const [marker] = log.write(name, DELETED, [
        { id: randomUUID(), type: '$streamDeleted', contentType: '', data: new Uint8Array() },
      ]);
      return marker!.position;
    }
    log.setTruncateBefore(name, DELETED);
    return log.all[log.all.length - 1]!.position;
  };

  /** A delete or a tombstone call: the stream removed by `remove`, answered with its position. */
  const removal =
    <Req extends DeleteReq | TombstoneReq, Resp>(
      tombstone: boolean,
      respond: (position: bigint) => Resp,
    ): grpc.handleUnaryCall<Req, Resp> =>
    (call, callback) => {
      const o = call.request.getOptions()!;
      try {
        const position = remove(streamName(o.getStreamIdentifier()), expectedOf(o), tombstone);
        callback(null, respond(position));
      } catch (err) {
        callback(errorFor(err));
      }
    };
  const del = removal<DeleteReq, DeleteResp>(false, (position) => {
    const resp = new pb.DeleteResp();
    resp.setPosition(positionOf(new pb.DeleteResp.Position(), position));
    return resp;
  });
  const tombstone = removal<TombstoneReq, TombstoneResp>(true, (position) => {
    const resp = new pb.TombstoneResp();
    resp.setPosition(positionOf(new pb.TombstoneResp.Position(), position));
    return resp;
  });

  const read: grpc.handleServerStreamingCall<ReadReq, ReadResp> = (call) => {
    const options = call.request.getOptions()!;
    let cancelled = false;
    call.on('cancelled', () => (cancelled = true));
    call.on('error', () => (cancelled = true));
    let unflushed = 0;
    const write = async (resp: ReadResp) => {
      // Waiting for 'drain' after every message costs a socket round trip each; only hold back
      // once a good batch is queued, as HTTP/2 flow control would on a real server.
      call.write(resp);
      if (++unflushed >= 256) {
        unflushed = 0;
        await new Promise((r) => setImmediate(r));
      }
    };
    const fail = (err: unknown) => {
      if (!cancelled) call.emit('error', errorFor(err));
    };
    const forwards = options.getReadDirection() === pb.ReadReq.Options.ReadDirection.FORWARDS;
    const count = options.hasCount() ? Number(BigInt(options.getCount())) : Number.MAX_SAFE_INTEGER;
    /** A read (not a subscription): the first `count` events, in order, then the end. */
    const sendRead = (events: readonly StoredEvent[]) =>
      void (async () => {
        for (const e of events.slice(0, count)) {
          if (cancelled) return;
          await write(toReadResp(e));
        }
        call.end();
      })();

    if (options.hasStream()) {
      const so = options.getStream()!;
      const name = streamName(so.getStreamIdentifier());
      if (options.hasSubscription()) {
        call.emit('error', {
          code: grpc.status.UNIMPLEMENTED,
          details: 'the stand-in does not model stream subscriptions',
          metadata: new grpc.Metadata(),
        });
        return;
      }
      const s = log.streams.get(name);
      if (s?.tombstoned) return fail(new StreamDeletedError(name));
      const events = s ? log.visible(s) : [];
      if (!s || s.truncateBefore === DELETED || events.length === 0) {
        const resp = new pb.ReadResp();
        const nf = new pb.ReadResp.StreamNotFound();
        const ident = new shared.StreamIdentifier();
        ident.setStreamName(Buffer.from(name, 'utf8'));
        nf.setStreamIdentifier(ident);
        resp.setStreamNotFound(nf);
        call.write(resp);
        call.end();
        return;
      }
      const from = so.hasRevision() ? BigInt(so.getRevision()) : undefined;
      const slice = forwards
        ? so.hasEnd()
          ? []
          : events.filter((e) => from === undefined || e.revision >= from)
        : [...events]
            .reverse()
            .filter((e) =>
              so.hasStart() ? e.revision <= 0n : from === undefined || e.revision <= from,
            );
      sendRead(slice);
      return;
    }

    const ao = options.getAll()!;
    const { matches, checkpointEvery } = matcherOf(options);
    if (!options.hasSubscription()) {
      let out: StoredEvent[];
      if (forwards) {
        const start = ao.hasPosition()
          ? log.firstIndexAfter(BigInt(ao.getPosition()!.getCommitPosition()) - 1n)
          : ao.hasEnd()
            ? log.all.length
            : 0;
        out = log.all.slice(start).filter(matches);
      } else {
        const end = ao.hasPosition()
          ? log.firstIndexAfter(BigInt(ao.getPosition()!.getCommitPosition()) - 1n)
          : ao.hasStart()
            ? 0
            : log.all.length;
        out = log.all.slice(0, end).reverse().filter(matches);
      }
      sendRead(out);
      return;
    }

    // Catch-up subscription to $all: history, then live, through one cursor.
    let cursor = ao.hasPosition()
      ? log.firstIndexAfter(BigInt(ao.getPosition()!.getCommitPosition()))
      : ao.hasEnd()
        ? log.all.length
        : 0;
    // On stop the call is not ended cleanly: the connection drops, as when a node dies.
    const live = { end: () => (cancelled = true) };
    liveCalls.add(live);
    void (async () => {
      const confirm = new pb.ReadResp();
      const confirmation = new pb.ReadResp.SubscriptionConfirmation();
      confirmation.setSubscriptionId(randomUUID());
      confirm.setConfirmation(confirmation);
      await write(confirm);
      let scanned = 0;
      let caughtUp = false;
      // One listener for the call's whole life: the client going away ends the wait for events.
      const gone = new Promise<void>((r) => {
        call.once('cancelled', () => r());
        call.once('close', () => r());
      });
      while (!cancelled) {
        if (cursor < log.all.length) {
          const e = log.all[cursor++]!;
          if (matches(e)) await write(toReadResp(e));
          scanned++;
          if (checkpointEvery > 0 && scanned % checkpointEvery === 0) {
            const cp = new pb.ReadResp();
            cp.setCheckpoint(positionOf(new pb.ReadResp.Checkpoint(), e.position));
            await write(cp);
          }
          continue;
        }
        if (!caughtUp) {
          caughtUp = true;
          const cu = new pb.ReadResp();
          cu.setCaughtUp(new pb.ReadResp.CaughtUp());
          await write(cu);
        }
        const wait = log.waitForMore();
        await Promise.race([wait.promise, gone]);
        wait.cancel();
      }
      liveCalls.delete(live);
    })();
  };

  const unimplemented = (_call: unknown, callback?: (err: unknown) => void) => {
    callback?.({ code: grpc.status.UNIMPLEMENTED, details: 'not modelled by the stand-in' });
  };

  const start = async () => {
    const s = new grpc.Server();
    s.addService(StreamsService, {
      read,
      append,
      delete: del,
      tombstone,
      batchAppend: unimplemented,
    });
    port = await new Promise<number>((resolve, reject) =>
      s.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (err, bound) =>
        err ? reject(err) : resolve(bound),
      ),
    );
    // grpc-js leaves Nagle on for server sockets; a real server answers without the 40 ms
    // delayed-ACK stall, so turn it off (the client side already does).
    const internals = s as unknown as { http2Servers?: Map<import('node:net').Server, unknown> };
    for (const h of internals.http2Servers?.keys() ?? [])
      h.on('connection', (socket: import('node:net').Socket) => socket.setNoDelay(true));
    server = s;
  };

  const stop = async () => {
    const s = server;
    server = undefined;
    for (const l of [...liveCalls]) l.end();
    liveCalls.clear();
    log.notify();
    s?.forceShutdown();
  };

  await start();
  return {
    get port() {
      return port;
    },
    get connectionString() {
      return `esdb://127.0.0.1:${port}?tls=false`;
    },
    start,
    stop,
    dispose: stop,
  };
}
