import type { RecordedEvent } from '@integrity-desk/eventstore';
import type Database from 'better-sqlite3';
import type { Projection } from '../projection.ts';
import { prepared } from '../statements.ts';

const reportIdOf = (e: RecordedEvent) => (e.data as { reportId: string }).reportId;

/**
 * Which reports reference which evidence blob. Blobs are content-addressed (SHA-256 of the
 * ciphertext), so two reports hold the same blob only if the very same ciphertext was uploaded
 * to both; a purge erases a blob only when no other report references it.
 */
export const evidenceBlobsProjection: Projection = {
  name: 'evidence-blobs',
  version: 1,
  ddl: `CREATE TABLE IF NOT EXISTS evidence_blobs (
    blob_id TEXT NOT NULL,
    report_id TEXT NOT NULL,
    PRIMARY KEY (blob_id, report_id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS evidence_blobs_report ON evidence_blobs (report_id);`,
  canHandle: (e) =>
    (e.type === 'EvidenceAdded' && e.streamId.startsWith('report-')) || e.type === 'ReportPurged',
  evolve: (e) =>
    e.type === 'ReportPurged'
      ? [{ sql: 'DELETE FROM evidence_blobs WHERE report_id = ?', params: [reportIdOf(e)] }]
      : [
          {
            sql: 'INSERT OR IGNORE INTO evidence_blobs (blob_id, report_id) VALUES (?, ?)',
            params: [(e.data as { blobId: string }).blobId, reportIdOf(e)],
          },
        ],
};

/**
 * Purges decided but not finished: a `ReportPurged` (on the report stream or its purge record)
 * without the `ReportErased` that ends it. The retention job finishes each at its next run, so a
 * crash half-way through a purge never leaves half a report. Rebuilt from the log, it gives the
 * same rows: a finished purge's record holds both events.
 */
export const pendingPurgesProjection: Projection = {
  name: 'pending-purges',
  version: 1,
  ddl: `CREATE TABLE IF NOT EXISTS pending_purges (
    report_id TEXT PRIMARY KEY,
    purged_by TEXT NOT NULL,
    purged_at TEXT NOT NULL
  );`,
  canHandle: (e) => e.type === 'ReportPurged' || e.type === 'ReportErased',
  evolve: (e) => {
    if (e.type === 'ReportErased')
      return [{ sql: 'DELETE FROM pending_purges WHERE report_id = ?', params: [reportIdOf(e)] }];
    const d = e.data as { reportId: string; by: string; purgedAt: string };
    return [
      {
        sql: 'INSERT OR IGNORE INTO pending_purges (report_id, purged_by, purged_at) VALUES (?, ?, ?)',
        params: [d.reportId, d.by, d.purgedAt],
      },
    ];
  },
};

/** True when a report other than `reportId` references the blob. */
export function blobHeldElsewhere(
  db: Database.Database,
  blobId: string,
  reportId: string,
): boolean {
  return (
    prepared(db, 'SELECT 1 FROM evidence_blobs WHERE blob_id = ? AND report_id <> ? LIMIT 1').get(
      blobId,
      reportId,
    ) !== undefined
  );
}

export interface PendingPurge {
  readonly reportId: string;
  readonly by: string;
  readonly purgedAt: string;
}

export function listPendingPurges(db: Database.Database, limit = 100): PendingPurge[] {
  const rows = prepared(
    db,
    'SELECT report_id, purged_by, purged_at FROM pending_purges ORDER BY purged_at, report_id LIMIT ?',
  ).all(limit) as { report_id: string; purged_by: string; purged_at: string }[];
  return rows.map((r) => ({ reportId: r.report_id, by: r.purged_by, purgedAt: r.purged_at }));
}

/** Closed reports (any channel) closed before `cutoff` (ISO), oldest first. */
export function listClosedBefore(db: Database.Database, cutoff: string, limit = 100): string[] {
  return (
    prepared(
      db,
      `SELECT report_id FROM report_queue WHERE status = 'closed' AND closed_at < ?
       ORDER BY closed_at, report_id LIMIT ?`,
    ).all(cutoff, limit) as { report_id: string }[]
  ).map((r) => r.report_id);
}
