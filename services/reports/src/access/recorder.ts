import type { EventStore } from '@integrity-desk/eventstore';
import {
  exportEventSchema,
  exportsStream,
  type CaseListExportFilter,
  type ExportEvent,
} from './case-list-export.ts';
import {
  accessEventId,
  accessEventSchema,
  accessStream,
  hourOf,
  type AccessEvent,
} from './events.ts';

export interface AccessRecorder {
  /**
   * Records that `investigatorId` opened the report (or, with `evidenceId`, downloaded that
   * file), once per hour: resolves when the event is durable, or at once when this process
   * recorded the same read this hour already. A failure rejects (the caller refuses the read).
   */
  record(read: { reportId: string; investigatorId: string; evidenceId?: string }): Promise<void>;
  /**
   * Records that `investigatorId` exported the case file: one event per export (`eventId`, fresh
   * for each), resolved when durable. A failure rejects (the caller offers no file).
   */
  recordExport(
    exported: { reportId: string; investigatorId: string },
    eventId: string,
  ): Promise<void>;
  /**
   * Records that `investigatorId` exported `rows` cases of the case list chosen by `filter`, as
   * CSV: one event per export on `exports-<investigatorId>`, resolved when durable. A failure
   * rejects (the caller offers no file).
   */
  recordCaseListExport(
    exported: { investigatorId: string; rows: number; filter: CaseListExportFilter },
    eventId: string,
  ): Promise<void>;
}

/** Reads remembered in this process, so a refresh costs no append; cleared when the hour turns. */
const REMEMBERED = 10_000;

export function createAccessRecorder(deps: {
  readonly store: EventStore;
  readonly clock: { now(): Date };
}): AccessRecorder {
  let currentHour = '';
  const recorded = new Set<string>();
  return {
    async record({ reportId, investigatorId, evidenceId }) {
      const hour = hourOf(deps.clock.now());
      const event: AccessEvent =
        evidenceId === undefined
          ? { type: 'CaseOpened', data: { reportId, investigatorId, hour } }
          : { type: 'EvidenceDownloaded', data: { reportId, investigatorId, evidenceId, hour } };
      accessEventSchema.parse(event); // validated on write, as every event
      const id = accessEventId(event);
      if (hour !== currentHour) {
        currentHour = hour;
        recorded.clear();
      }
      if (recorded.has(id)) return;
      // The same id again is a no-op in the store (another process, or this one before a restart).
      await deps.store.append(
        accessStream(reportId),
        [{ id, type: event.type, data: event.data }],
        {
          expectedRevision: 'any',
        },
      );
      if (recorded.size >= REMEMBERED) recorded.clear();
      recorded.add(id);
    },
    async recordExport({ reportId, investigatorId }, eventId) {
      const event: AccessEvent = {
        type: 'CaseFileExported',
        data: { reportId, investigatorId, hour: hourOf(deps.clock.now()) },
      };
      accessEventSchema.parse(event);
      await deps.store.append(
        accessStream(reportId),
        [{ id: eventId, type: event.type, data: event.data }],
        { expectedRevision: 'any' },
      );
    },
    async recordCaseListExport({ investigatorId, rows, filter }, eventId) {
      const event: ExportEvent = {
        type: 'CaseListExported',
        data: { investigatorId, rows, filter, hour: hourOf(deps.clock.now()) },
      };
      exportEventSchema.parse(event);
      await deps.store.append(
        exportsStream(investigatorId),
        [{ id: eventId, type: event.type, data: event.data }],
        { expectedRevision: 'any' },
      );
    },
  };
}
