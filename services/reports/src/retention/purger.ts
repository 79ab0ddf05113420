import {
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventStore,
} from '@integrity-desk/eventstore';
import type Database from 'better-sqlite3';
import { blobHeldElsewhere } from '../projections/retention/projection.ts';
import { handleReportCommand, reportStream } from '../report/handle.ts';
import type { Actor } from '../shared/command.ts';
import { accessStream } from '../access/events.ts';
import { remindersStream } from '../reminders/events.ts';
import { purgeEventId, purgeEventSchema, purgeStream } from './events.ts';

/**
 * A finished upload whose `EvidenceAdded` was never known to be durable (the evidence store keeps
 * a marker from the blob's rename until the event is): a crash between the two leaves one.
 */
export interface UnrecordedBlob {
  readonly uploadId: string;
  /** The report the upload was for. */
  readonly owner: string;
  readonly blobId: string;
  readonly completedAt: Date;
}

/**
 * What a purge needs of the evidence store (intake's `createFsBlobStore` provides it): erase a
 * finished blob, drop the unfinished uploads (and sweep markers) a report owns, and end its
 * unrecorded ones.
 */
export interface ErasableBlobs {
  /** Overwrites and removes the blob; a blob that is already gone is not an error. */
  erase(blobId: string): Promise<void>;
  discardUploads(owner: string): Promise<void>;
  /** The report's finished uploads whose `EvidenceAdded` is not known to be durable. */
  unrecorded(owner: string): Promise<readonly UnrecordedBlob[]>;
  /** Forgets one of them, erasing its blob first (as `erase`) when `erase` is set. */
  dropUnrecorded(upload: UnrecordedBlob, options: { readonly erase: boolean }): Promise<boolean>;
}

export interface ReportPurgerDeps {
  readonly store: EventStore;
  /** The read models the runner below writes (evidence_blobs: is a blob shared?). */
  readonly readModels: Database.Database;
  readonly blobs: ErasableBlobs;
  readonly clock: { now(): Date };
  readonly ids: { uuid(): string };
  /** The projection runner's `waitFor`: read models are consulted only once they have the purge. */
  readonly waitForProjections: (position: bigint) => Promise<void>;
}

/** `erased`: nothing of the report is left but its record; `pending`: the job will finish it. */
export type PurgeOutcome = 'erased' | 'pending';

export interface ReportPurger {
  /**
   * Decides the purge on the report stream (only a closed report; `expectedRevision` as If-Match,
   * `closedBefore` the retention job's rule), then erases. Domain and store errors of the decision
   * are thrown (nothing changed); a failure while erasing is passed to `onError` and answers
   * `pending`: the decision stands and `finishPending` completes it.
   */
  purge(
    reportId: string,
    actor: Actor,
    options?: {
      expectedRevision?: bigint;
      closedBefore?: string;
      onError?: (error: unknown) => void;
    },
  ): Promise<PurgeOutcome>;
  /** Erases a decided purge (idempotent: every step may have happened already). */
  finish(record: { reportId: string; by: string; purgedAt: string }): Promise<void>;
}

/**
 * A purge in five steps, each idempotent, in an order where a crash after any of them leaves a
 * state the next attempt completes and no state that reveals more than the record:
 * 1. `ReportPurged` on `report-<id>` (the decision; from then on every command is refused);
 * 2. the same `ReportPurged` as the record on `purge-<id>` (survives the tombstone; makes every
 *    projection runner drop the report's rows: queues, counters, locator, audit entries, blobs);
 * 3. evidence blobs no other report references are overwritten and removed (those its events
 *    name, read from the report stream, which still exists until step 4, and those of uploads
 *    that finished without a durable `EvidenceAdded`), unfinished uploads dropped;
 * 4. `access-<id>` (who opened the case, downloaded its evidence), `reminders-<id>` (its deadline
 *    reminders) and `report-<id>` tombstoned:
 *    their rows deleted from the store (SQLite: zeroed, WAL emptied);
 * 5. `ReportErased` on `purge-<id>`: the purge is complete (pending_purges drops it).
 */
export function createReportPurger(deps: ReportPurgerDeps): ReportPurger {
  const { store } = deps;

  async function appendRecord(
    reportId: string,
    event: { type: 'ReportPurged' | 'ReportErased'; data: Record<string, string> },
    expectedRevision: 'no_stream' | bigint,
  ): Promise<bigint> {
    const stream = purgeStream(reportId);
    purgeEventSchema.parse(event); // validated on write, as every event
    try {
      const result = await store.append(
        stream,
        [{ id: purgeEventId(event.type, reportId), type: event.type, data: event.data }],
        { expectedRevision },
      );
      return result.position;
    } catch (error) {
      // Written by an earlier attempt (or another desk process): the record is one stream with
      // at most these two events, so a later revision means this step is done.
      if (!(error instanceof WrongExpectedVersionError) || error.actual === 'no_stream')
        throw error;
      const at = expectedRevision === 'no_stream' ? 0 : Number(expectedRevision) + 1;
      const existing = (await store.readStream(stream))[at];
      if (!existing) throw error;
      return existing.position;
    }
  }

  async function blobsOf(reportId: string): Promise<string[] | undefined> {
    try {
      const events = await store.readStream(reportStream(reportId));
      const ids = new Set<string>();
      for (const e of events)
        if (e.type === 'EvidenceAdded') ids.add((e.data as { blobId: string }).blobId);
      return [...ids];
    } catch (error) {
      // Tombstoned already: its blobs were erased before (step 3 precedes step 4).
      if (error instanceof StreamDeletedError || error instanceof StreamNotFoundError)
        return undefined;
      throw error;
    }
  }

  async function tombstoneIfThere(stream: string) {
    try {
      await store.tombstoneStream(stream);
    } catch (error) {
      if (!(error instanceof StreamDeletedError) && !(error instanceof StreamNotFoundError))
        throw error;
    }
  }

  async function finish(record: { reportId: string; by: string; purgedAt: string }) {
    const { reportId } = record;
    const recorded = await appendRecord(
      reportId,
      { type: 'ReportPurged', data: record },
      'no_stream',
    );
    // The read models have the record (and every EvidenceAdded before it) before we ask them
    // whether another report holds a blob.
    await deps.waitForProjections(recorded);
    const blobIds = await blobsOf(reportId);
    if (blobIds) {
      for (const blobId of blobIds)
        if (!blobHeldElsewhere(deps.readModels, blobId, reportId)) await deps.blobs.erase(blobId);
      // A crash between an upload's rename and its EvidenceAdded left a blob no event names.
      for (const upload of await deps.blobs.unrecorded(reportId)) {
        const erase = !blobHeldElsewhere(deps.readModels, upload.blobId, reportId);
        await deps.blobs.dropUnrecorded(upload, { erase });
      }
      await deps.blobs.discardUploads(reportId);
      // Who read the case goes with it (access/events.ts): before the report stream, so a crash
      // between the two is retried here, while the report stream still says to.
      await tombstoneIfThere(accessStream(reportId));
      await tombstoneIfThere(remindersStream(reportId));
      await tombstoneIfThere(reportStream(reportId));
    }
    const erasedAt = deps.clock.now().toISOString();
    const erased = await appendRecord(
      reportId,
      { type: 'ReportErased', data: { reportId, erasedAt } },
      0n,
    );
    await deps.waitForProjections(erased);
  }

  return {
    finish,
    async purge(reportId, actor, options = {}) {
      const result = await handleReportCommand(
        store,
        reportId,
        {
          type: 'PurgeReport',
          data: {
            reportId,
            ...(options.closedBefore !== undefined && { closedBefore: options.closedBefore }),
          },
          metadata: { now: deps.clock.now(), eventId: deps.ids.uuid(), actor },
        },
        options.expectedRevision === undefined
          ? {}
          : { expectedRevision: options.expectedRevision },
      );
      const decided = result.events.find((e) => e.type === 'ReportPurged');
      if (!decided || decided.type !== 'ReportPurged') return 'pending';
      try {
        await finish(decided.data);
        return 'erased';
      } catch (error) {
        options.onError?.(error);
        return 'pending';
      }
    },
  };
}
