import type Database from 'better-sqlite3';

/**
 * Every read-model table, as rows, without the runner's own checkpoints: what tests compare with
 * a rebuild from the log. Counters that fell to zero keep their row (per channel, not per report:
 * they tell nothing of a purged report) where a rebuild never wrote one, so they are left out;
 * so are the case list's purge markers (a row without data, for the desk's in-memory index to
 * drop the report), which a rebuild that never saw the report has no row to leave.
 */
const only: Record<string, string> = {
  report_queue_counts: 'WHERE n <> 0',
  case_list: 'WHERE row IS NOT NULL',
};

export function readModelRows(db: Database.Database): Record<string, unknown[]> {
  const tables = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('projection_checkpoints', 'sqlite_sequence') ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  return Object.fromEntries(
    tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ${only[t] ?? ''} ORDER BY 1, 2`).all()]),
  );
}
