import Database from 'better-sqlite3';
import type { PurgeRecord } from './entries.ts';

/**
 * What the backup reads from the log. The SQLite adapter's table (services/eventstore
 * sqlite/schema.ts) is read directly, from a snapshot file: no runner, no subscription.
 */
export interface LogFacts {
  readonly lastPosition: bigint;
  readonly events: number;
  /** The evidence blobs that EvidenceAdded events of report streams name, each once. */
  readonly blobIds: readonly string[];
  readonly purges: readonly PurgeRecord[];
}

/**
 * A consistent copy of the live event log while the services write it: `VACUUM INTO` runs in one
 * read transaction, and in WAL mode a reader blocks no writer (intake goes on acknowledging
 * submissions, which the copy then does not hold). The copy holds only live rows: what purges
 * deleted is not carried over, not even as zeroed free pages.
 */
export function snapshotEventLog(source: string, target: string): void {
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
}

export function readLogFacts(file: string): LogFacts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const totals = db
      .prepare('SELECT count(*) AS events, coalesce(max(position), 0) AS last FROM events')
      .safeIntegers(true)
      .get() as { events: bigint; last: bigint };
    const blobIds = (
      db
        .prepare(
          `SELECT DISTINCT json_extract(data, '$.blobId') AS blob FROM events
           WHERE type = 'EvidenceAdded' AND stream_id LIKE 'report-%' ORDER BY blob`,
        )
        .all() as { blob: string }[]
    ).map((r) => r.blob);
    return {
      lastPosition: totals.last,
      events: Number(totals.events),
      blobIds,
      purges: purgeRecordsIn(db),
    };
  } finally {
    db.close();
  }
}

/** The purge records (`purge-<id>` streams) an event log holds. */
export function purgeRecordsIn(db: Database.Database): PurgeRecord[] {
  const rows = db
    .prepare(
      `SELECT type, data FROM events WHERE stream_id LIKE 'purge-%'
       AND type IN ('ReportPurged', 'ReportErased') ORDER BY position`,
    )
    .all() as { type: string; data: string }[];
  const records = new Map<string, PurgeRecord>();
  for (const row of rows) {
    const data = JSON.parse(row.data) as { reportId: string; by?: string; purgedAt?: string };
    if (row.type === 'ReportPurged')
      records.set(data.reportId, {
        reportId: data.reportId,
        by: data.by ?? 'system',
        purgedAt: data.purgedAt ?? '',
        erased: false,
      });
    else {
      const known = records.get(data.reportId);
      if (known) records.set(data.reportId, { ...known, erased: true });
    }
  }
  return [...records.values()];
}
