import type Database from 'better-sqlite3';
import type { StreamHead } from '../port/append-plan.ts';

/** Reads a stream's head: live streams from the events index, deleted ones from their marker. */
export function streamHeadReader(db: Database.Database): (streamId: string) => StreamHead {
  const lastRevision = db
    .prepare('SELECT max(revision) FROM events WHERE stream_id = ?')
    .pluck()
    .safeIntegers(true);
  const deletedHead = db
    .prepare('SELECT last_revision, tombstoned FROM deleted_streams WHERE stream_id = ?')
    .safeIntegers(true);
  return (streamId) => {
    const live = lastRevision.get(streamId) as bigint | null;
    if (live !== null) return { lastRevision: live, deleted: false, tombstoned: false };
    const gone = deletedHead.get(streamId) as
      { last_revision: bigint; tombstoned: bigint } | undefined;
    if (!gone) return { lastRevision: undefined, deleted: false, tombstoned: false };
    // A deleted stream that was recreated has live events again and is answered above; its
    // revisions continue after the deleted ones.
    return {
      lastRevision: gone.last_revision < 0n ? undefined : gone.last_revision,
      deleted: true,
      tombstoned: gone.tombstoned === 1n,
    };
  };
}
