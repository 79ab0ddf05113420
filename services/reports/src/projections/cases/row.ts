import type { RecordedEvent } from '@integrity-desk/eventstore';
import type { ReminderMark } from '../../reminders/state.ts';
import { evolveQueueRow, type QueueRow } from '../queues/row.ts';

/**
 * One report as the case list shows it: the queue row's plain routing and deadline fields, plus
 * what the list adds (how many times the whistleblower wrote, when last), and the log position
 * of the last event folded in, so a reader can fetch exactly the rows that changed since it last
 * looked. Plain fields only: nothing a whistleblower wrote is ever here.
 */
export interface CaseRow extends QueueRow {
  /** The submission and each whistleblower message: what an investigator may not have read. */
  readonly whistleblowerWrites: number;
  readonly lastWhistleblowerAt: string;
  /** Labels attached, sorted: plain text the channel defined, never the whistleblower's. */
  readonly labels: readonly string[];
  /**
   * The deadline reminders and escalations recorded for it (`DeadlineReminderDue` on
   * `reminders-<id>`): the badges read them through reminderStateOf. Absent while there are
   * none, so rows of reports never reminded are stored as they were before reminders.
   */
  readonly reminders?: readonly ReminderMark[];
  /** Global log position of the last event folded into this row. */
  readonly position: number;
}

/**
 * A purged report: its row's data is gone, and readers learn so at this position. Only the id
 * stays, as it does in the purge record itself (`purge-<id>`, SECURITY.md Retention).
 */
export interface PurgedCase {
  readonly reportId: string;
  readonly purged: true;
  readonly position: number;
}

export type CaseListState = CaseRow | PurgedCase;

export const isCaseRow = (s: CaseListState | undefined): s is CaseRow =>
  s !== undefined && !('purged' in s);

/** Pure: the case-list state after one event (undefined before the report was submitted). */
export function evolveCaseRow(
  state: CaseListState | undefined,
  e: RecordedEvent,
): CaseListState | undefined {
  const position = Number(e.position);
  const row = isCaseRow(state) ? state : undefined;
  if (e.type === 'ReportPurged') {
    // The purge record (`purge-<id>`) outlives the tombstoned report stream, so a rebuild sees
    // only it: the marker takes its position, and the live fold, which sees both, ends the same.
    const record = e.streamId.startsWith('purge-');
    if (!record && state && !row) return state;
    const { reportId } = e.data as { reportId: string };
    return { reportId, purged: true, position };
  }
  if (state && !row) return state; // purged stays purged
  if (e.type === 'DeadlineReminderDue') {
    if (!row) return state;
    const { deadline, step, dueAt } = e.data as unknown as ReminderMark;
    const marks = row.reminders ?? [];
    const known = marks.some(
      (m) => m.deadline === deadline && m.step === step && m.dueAt === dueAt,
    );
    return known ? row : { ...row, reminders: [...marks, { deadline, step, dueAt }], position };
  }
  const next = evolveQueueRow(row, e);
  if (!next) return undefined;
  if (!row)
    return {
      ...next,
      whistleblowerWrites: 1,
      lastWhistleblowerAt: next.receivedAt,
      labels: [],
      position,
    };
  const wrote =
    e.type === 'MessagePosted' && (e.data as { author?: string }).author === 'whistleblower';
  return {
    ...next,
    labels: labelsAfter(row.labels, e),
    whistleblowerWrites: row.whistleblowerWrites + (wrote ? 1 : 0),
    lastWhistleblowerAt: wrote ? next.lastActivityAt : row.lastWhistleblowerAt,
    ...(row.reminders && { reminders: row.reminders }),
    position,
  };
}

/** Labels sorted, after a label event (any other event leaves them). */
function labelsAfter(labels: readonly string[], e: RecordedEvent): readonly string[] {
  const label = (e.data as { label?: string }).label;
  if (e.type === 'ReportLabelAttached' && label !== undefined && !labels.includes(label))
    return [...labels, label].sort();
  if (e.type === 'ReportLabelDetached') return labels.filter((l) => l !== label);
  return labels;
}

/**
 * The deadline an investigator must meet next: acknowledgement while unacknowledged, then the
 * feedback deadline until feedback was given (Art. 9(1)(b) and (f)); none once closed.
 */
export function nextDeadlineOf(row: QueueRow): string | null {
  if (!row.isOpen) return null;
  if (row.status === 'submitted') return row.ackDueAt;
  if (row.feedbackGivenAt === null) return row.feedbackDueAt;
  return null;
}
