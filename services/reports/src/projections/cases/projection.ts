import type Database from 'better-sqlite3';
import type { Change, FoldProjection, Write } from '../projection.ts';
import { perReport } from '../queues/projection.ts';
import { prepared } from '../statements.ts';
import { evolveCaseRow, isCaseRow, type CaseListState, type CaseRow } from './row.ts';

/**
 * The case list: one row per report (its plain fields as JSON), keyed by report id, with the log
 * position of its last change. The desk keeps the rows in memory to filter, sort and count them
 * (./case-index.ts) and asks this table only for the rows whose position moved since it last
 * looked (./changes.ts): a purged report leaves a row without data at the purge's position, so
 * readers drop it too. The fold is in ./row.ts.
 */
export const caseListDdl = `
CREATE TABLE IF NOT EXISTS case_list (
  report_id TEXT PRIMARY KEY,
  channel_id TEXT,
  position INTEGER NOT NULL,
  row TEXT
);
CREATE INDEX IF NOT EXISTS case_list_position ON case_list (position);
`;

const upsert = `INSERT INTO case_list (report_id, channel_id, position, row) VALUES (?, ?, ?, ?)
  ON CONFLICT (report_id) DO UPDATE SET channel_id = excluded.channel_id,
  position = excluded.position, row = excluded.row`;

/** Pure: one upsert per report that changed in the batch. */
export function caseListWrites(changes: readonly Change<CaseListState>[]): Write[] {
  const out: Write[] = [];
  for (const { after } of changes) {
    if (!after) continue;
    out.push(
      isCaseRow(after)
        ? {
            sql: upsert,
            params: [after.reportId, after.channelId, after.position, JSON.stringify(after)],
          }
        : { sql: upsert, params: [after.reportId, null, after.position, null] },
    );
  }
  return out;
}

/** The states of the case_list rows `where` selects (its one parameter), in position order. */
export function readCaseStates(
  db: Database.Database,
  where: string,
  param: string | number,
): CaseListState[] {
  const sql = `SELECT report_id, position, row FROM case_list WHERE ${where} ORDER BY position`;
  return (
    prepared(db, sql).all(param) as { report_id: string; position: number; row: string | null }[]
  ).map((r) =>
    // A purged report: its row without data.
    r.row === null
      ? { reportId: r.report_id, purged: true, position: Number(r.position) }
      : (JSON.parse(r.row) as CaseRow),
  );
}

const loadCaseStates = (db: Database.Database, reportIds: readonly string[]) =>
  new Map(
    readCaseStates(
      db,
      'report_id IN (SELECT value FROM json_each(?))',
      JSON.stringify(reportIds),
    ).map((s) => [s.reportId, s]),
  );

export const caseListProjection: FoldProjection<CaseListState> = {
  kind: 'fold',
  name: 'case-list',
  // 2: reminders folded in. 3: referral deadlines and their reminders. 4: referral feedback given.
  version: 4,
  ddl: caseListDdl,
  ...perReport,
  canHandle: (e) =>
    perReport.canHandle(e) ||
    (e.type === 'DeadlineReminderDue' && e.streamId.startsWith('reminders-')),
  evolve: evolveCaseRow,
  load: loadCaseStates,
  writes: caseListWrites,
};
