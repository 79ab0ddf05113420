import type { RecordedEvent } from '@integrity-desk/eventstore';
import type Database from 'better-sqlite3';
import type { Projection } from '../projection.ts';
import { prepared } from '../statements.ts';

/**
 * The audit log as administrators read it: who did what to which stream, and when (the store's
 * minute-coarse commit time). The events themselves remain the source of truth.
 */
export function actorOf(e: RecordedEvent): string {
  const d = (e.data ?? {}) as Record<string, unknown>;
  if (
    typeof d['investigatorId'] === 'string' &&
    (e.type === 'MessagePosted' || e.type === 'EvidenceAdded')
  )
    return d['investigatorId'];
  if (e.type === 'MessagePosted' || e.type === 'EvidenceAdded' || e.type === 'ReportSubmitted')
    return 'whistleblower';
  // Someone tried to sign in as the account (its stream says which): not the account's own act.
  if (e.type === 'InvestigatorSignInFailed') return 'unauthenticated';
  // The whistleblower answers a referral; an inform-only one took effect by the channel's rule.
  if (e.type === 'ReferralDeclined') return 'whistleblower';
  if (e.type === 'ReferralAccepted') return d['consent'] === 'given' ? 'whistleblower' : 'system';
  if (typeof d['by'] === 'string') return d['by'];
  if (typeof d['administratorId'] === 'string') return d['administratorId'];
  if (typeof d['investigatorId'] === 'string') return d['investigatorId'];
  return 'system';
}

// The store's commit time is minute-coarse, so consecutive events share it: formatting it once
// per minute instead of once per event (a million Date objects in a rebuild). Same input, same
// output: evolve stays pure.
let lastCreated = NaN;
let lastAt = '';
function atOf(created: number): string {
  if (created !== lastCreated) {
    lastAt = new Date(created).toISOString();
    lastCreated = created;
  }
  return lastAt;
}

export const auditLogProjection: Projection = {
  name: 'audit-log',
  version: 1,
  ddl: `CREATE TABLE IF NOT EXISTS audit_log (
    position INTEGER PRIMARY KEY,
    stream_id TEXT NOT NULL,
    type TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS audit_log_actor ON audit_log (actor, position);`,
  canHandle: () => true,
  evolve: (e) => {
    const row = {
      sql: 'INSERT OR IGNORE INTO audit_log VALUES (?, ?, ?, ?, ?)',
      mergeable: true,
      params: [Number(e.position), e.streamId, e.type, actorOf(e), atOf(e.created)],
    } as const;
    if (e.type !== 'ReportPurged') return [row];
    // A purge leaves only its record (the `purge-<id>` stream: who, when): the report's own
    // entries, who read it (`access-<id>`) and its reminders (`reminders-<id>`) go, as they go from the log, so the audit log
    // matches a rebuild after the tombstones.
    const reportId = (e.data as { reportId: string }).reportId;
    return [
      {
        sql: 'DELETE FROM audit_log WHERE stream_id IN (?, ?, ?)',
        params: [`report-${reportId}`, `access-${reportId}`, `reminders-${reportId}`],
      },
      row,
    ];
  },
};

export interface AuditEntry {
  readonly position: string;
  readonly streamId: string;
  readonly type: string;
  readonly actor: string;
  readonly at: string;
}

/** Newest first; `before` pages backwards by position. */
export function listAuditLog(
  db: Database.Database,
  options: { before?: bigint; limit?: number; actor?: string } = {},
): AuditEntry[] {
  const limit = Math.max(1, Math.min(options.limit ?? 100, 500));
  const rows = prepared(
    db,
    `SELECT position, stream_id, type, actor, at FROM audit_log
     WHERE position < ? AND (? IS NULL OR actor = ?) ORDER BY position DESC LIMIT ?`,
  ).all(
    options.before ?? 9_223_372_036_854_775_807n,
    options.actor ?? null,
    options.actor ?? null,
    limit,
  ) as { position: number | bigint; stream_id: string; type: string; actor: string; at: string }[];
  return rows.map((r) => ({
    position: String(r.position),
    streamId: r.stream_id,
    type: r.type,
    actor: r.actor,
    at: r.at,
  }));
}
