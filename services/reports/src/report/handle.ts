import type { EventStore } from '@integrity-desk/eventstore';
import {
  handleCommand,
  readAggregate,
  type Decider,
  type HandleOptions,
  type HandleResult,
  type StreamRead,
} from '../shared/handle.ts';
import type { ReportCommand } from './commands.ts';
import { decideReport } from './decide.ts';
import { parseReportEvent, type ReportEvent } from './events.ts';
import { evolveReport } from './evolve.ts';
import { initialReportState, type ReportState } from './state.ts';

export const reportStream = (reportId: string) => `report-${reportId}`;

export const reportDecider: Decider<ReportCommand, ReportEvent, ReportState> = {
  decide: decideReport,
  evolve: evolveReport,
  initialState: initialReportState,
  parse: parseReportEvent,
  // Tombstoned by a purge: the report reads as purged (never as new, so its id stays spent).
  deleted: (streamId) => ({ status: 'purged', reportId: streamId.slice('report-'.length) }),
};

/** Read `report-<id>`, fold, decide, append with the revision read. */
export function handleReportCommand(
  store: EventStore,
  reportId: string,
  command: ReportCommand,
  options?: HandleOptions,
): Promise<HandleResult<ReportEvent, ReportState>> {
  return handleCommand(store, reportStream(reportId), reportDecider, command, options);
}

export function readReport(
  store: EventStore,
  reportId: string,
): Promise<StreamRead<ReportEvent, ReportState>> {
  return readAggregate(store, reportStream(reportId), reportDecider);
}
