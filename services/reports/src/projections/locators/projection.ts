import type { RecordedEvent } from '@integrity-desk/eventstore';
import type Database from 'better-sqlite3';
import type { ReportEvent } from '../../report/events.ts';
import type { Projection } from '../projection.ts';
import { prepared } from '../statements.ts';

/**
 * Receipt locator -> report and the whistleblower's public keys, for receipt sessions. The
 * locator is derived from the receipt in the browser; the receipt itself never reaches us.
 */
export const whistleblowerLocatorsProjection: Projection = {
  name: 'whistleblower-locators',
  version: 1,
  ddl: `CREATE TABLE IF NOT EXISTS whistleblower_locators (
    locator TEXT PRIMARY KEY,
    report_id TEXT NOT NULL UNIQUE,
    sign_public_key TEXT NOT NULL,
    box_public_key TEXT NOT NULL
  );`,
  canHandle: (e: RecordedEvent) => e.type === 'ReportSubmitted' || e.type === 'ReportPurged',
  evolve: (e) => {
    const event = { type: e.type, data: e.data } as ReportEvent;
    if (event.type === 'ReportPurged')
      return [
        {
          sql: 'DELETE FROM whistleblower_locators WHERE report_id = ?',
          params: [event.data.reportId],
        },
      ];
    if (event.type !== 'ReportSubmitted') return [];
    const w = event.data.envelope.whistleblower;
    return [
      {
        sql: `INSERT INTO whistleblower_locators (locator, report_id, sign_public_key, box_public_key)
              VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        params: [w.locator, event.data.reportId, w.signPublicKey, w.boxPublicKey],
      },
    ];
  },
};

export interface LocatedReport {
  readonly reportId: string;
  readonly signPublicKey: string;
  readonly boxPublicKey: string;
}

export function findReportByLocator(
  db: Database.Database,
  locator: string,
): LocatedReport | undefined {
  const row = prepared(
    db,
    'SELECT report_id, sign_public_key, box_public_key FROM whistleblower_locators WHERE locator = ?',
  ).get(locator) as
    { report_id: string; sign_public_key: string; box_public_key: string } | undefined;
  return (
    row && {
      reportId: row.report_id,
      signPublicKey: row.sign_public_key,
      boxPublicKey: row.box_public_key,
    }
  );
}
