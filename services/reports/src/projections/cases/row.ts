import type { RecordedEvent } from '@integrity-desk/eventstore';
import {
  referralReminderStateOf,
  reminderStateOf,
  type ReferralDeadlineFields,
  type ReminderMark,
  type ReminderState,
} from '../../reminders/state.ts';
import type { ReportEvent } from '../../report/events.ts';
import { evolveQueueRow, reachOf, type QueueRow } from '../queues/row.ts';

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
  /**
   * Each accepted referral's own deadlines, as its target channel must meet them (Protocol step
   * 11; ReferralAccepted, ReferralAcknowledged). Absent while there are none, so rows of reports
   * never referred are stored as they were before.
   */
  readonly referralDeadlines?: readonly ReferralDeadlines[];
  /** Global log position of the last event folded into this row. */
  readonly position: number;
}

/** An accepted referral's deadlines, counted from acceptance, and when its target acknowledged. */
export interface ReferralDeadlines extends ReferralDeadlineFields {
  readonly toChannelId: string;
  readonly feedbackDueAt: string;
  /**
   * When the feedback deadline was met: the first investigator message after the target's
   * acknowledgement (the report's own rule, counted from the referral's). Absent before.
   */
  readonly feedbackGivenAt?: string;
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
    const { deadline, step, dueAt, referralId } = e.data as unknown as ReminderMark;
    const marks = row.reminders ?? [];
    const known = marks.some(
      (m) =>
        m.deadline === deadline &&
        m.step === step &&
        m.dueAt === dueAt &&
        m.referralId === referralId,
    );
    const mark = { deadline, step, dueAt, ...(referralId !== undefined && { referralId }) };
    return known ? row : { ...row, reminders: [...marks, mark], position };
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
    ...referralDeadlinesAfter(row.referralDeadlines, e),
    position,
  };
}

/** The referral deadlines after an acceptance or a target's acknowledgement (others keep them). */
function referralDeadlinesAfter(
  list: readonly ReferralDeadlines[] | undefined,
  e: RecordedEvent,
): { referralDeadlines?: readonly ReferralDeadlines[] } {
  const event = { type: e.type, data: e.data } as ReportEvent;
  if (event.type === 'ReferralAccepted') {
    const d = event.data;
    const accepted = {
      referralId: d.referralId,
      toChannelId: d.toChannelId,
      ackDueAt: d.acknowledgementDueAt,
      feedbackDueAt: d.feedbackDueAt,
      acknowledgedAt: null,
    };
    return { referralDeadlines: [...(list ?? []), accepted] };
  }
  if (event.type === 'MessagePosted' && event.data.author === 'investigator' && list) {
    const at = event.data.postedAt;
    const given = (r: ReferralDeadlines) => r.acknowledgedAt !== null && !r.feedbackGivenAt;
    if (list.some(given))
      return { referralDeadlines: list.map((r) => (given(r) ? { ...r, feedbackGivenAt: at } : r)) };
  }
  if (event.type === 'ReferralAcknowledged' && list) {
    const { referralId, acknowledgedAt } = event.data;
    return {
      referralDeadlines: list.map((r) =>
        r.referralId === referralId && r.acknowledgedAt === null ? { ...r, acknowledgedAt } : r,
      ),
    };
  }
  return list ? { referralDeadlines: list } : {};
}

/**
 * The accepted referral through which a caller (a recipient of `channelIds`) reaches the case,
 * when they do not reach it through its own channel (kept, not handed over); null otherwise.
 * Its deadlines are theirs: the target's own, counted from acceptance.
 */
export function referralSeenBy(
  row: CaseRow,
  channelIds: readonly string[],
): ReferralDeadlines | null {
  if (!row.referralDeadlines) return null;
  const reach = reachOf(row);
  if (reach.includes(row.channelId) && channelIds.includes(row.channelId)) return null;
  return (
    row.referralDeadlines.find(
      (r) => channelIds.includes(r.toChannelId) && reach.includes(r.toChannelId),
    ) ?? null
  );
}

/**
 * The deadline a caller must meet next: for one who has the case through referrals, the
 * earliest of theirs (each's acknowledgement until the target acknowledged, then its feedback
 * until given), else the report's (nextDeadlineOf); none once closed. The queues order by it.
 */
export function nextDeadlineSeenBy(row: CaseRow, channelIds: readonly string[]): string | null {
  const referrals = referralsSeenBy(row, channelIds);
  if (referrals.length === 0) return nextDeadlineOf(row);
  if (!row.isOpen) return null;
  return earliest([
    ...referrals.map((r) =>
      r.acknowledgedAt === null ? r.ackDueAt : r.feedbackGivenAt ? null : r.feedbackDueAt,
    ),
    owesReportAcknowledgement(row) ? row.ackDueAt : null,
  ]);
}

/**
 * After a hand-over the report is the target's, and so is its acknowledgement to the
 * whistleblower while the source never gave it (SECURITY.md, Protocol step 11): the desk lets
 * the target give it, its reminders go to the target, and the target's inbox, next deadline and
 * badge count it besides its referral's.
 */
const owesReportAcknowledgement = (row: CaseRow): boolean =>
  row.status === 'submitted' && !reachOf(row).includes(row.channelId);

const earliest = (dates: readonly (string | null)[]): string | null =>
  dates.reduce<string | null>((a, d) => (d !== null && (a === null || d < a) ? d : a), null);

/** The accepted referrals that bring a caller (of `channelIds`) in, when not its own channel. */
function referralsSeenBy(row: CaseRow, channelIds: readonly string[]): ReferralDeadlines[] {
  if (!referralSeenBy(row, channelIds)) return [];
  const reach = reachOf(row);
  return (row.referralDeadlines ?? []).filter(
    (r) => channelIds.includes(r.toChannelId) && reach.includes(r.toChannelId),
  );
}

/**
 * Whether the case is in a caller's inbox (an acknowledgement they owe): for one a referral
 * brought in, an open case with a referral of theirs not yet acknowledged by them; else the
 * report not yet acknowledged. The queues' rule too (queries.ts).
 */
export function inboxSeenBy(row: CaseRow, channelIds: readonly string[]): boolean {
  const referrals = referralsSeenBy(row, channelIds);
  if (referrals.length === 0) return row.status === 'submitted';
  return (
    row.isOpen &&
    (referrals.some((r) => r.acknowledgedAt === null) || owesReportAcknowledgement(row))
  );
}

/**
 * The feedback deadline a caller still has to meet on an open case, or null: for one a referral
 * brought in, the earliest of their acknowledged referrals' not yet given; else the report's
 * (once acknowledged, until given). The feedback views and queues' rule (queries.ts).
 */
export function feedbackDueSeenBy(row: CaseRow, channelIds: readonly string[]): string | null {
  if (!row.isOpen) return null;
  const referrals = referralsSeenBy(row, channelIds);
  if (referrals.length === 0) return row.feedbackGivenAt === null ? row.feedbackDueAt : null;
  return earliest(
    referrals.map((r) =>
      r.acknowledgedAt !== null && !r.feedbackGivenAt ? r.feedbackDueAt : null,
    ),
  );
}

/**
 * The reminder badge a caller sees: of the referral's acknowledgement when they reach the case
 * through a referral (referralSeenBy), and after a hand-over of the report's acknowledgement
 * still owed (the worse of the two); else of the report's own open deadline.
 */
export function reminderSeenBy(row: CaseRow, channelIds: readonly string[]): ReminderState | null {
  const referral = referralSeenBy(row, channelIds);
  if (!referral) return reminderStateOf(row);
  const own = referralReminderStateOf(row, referral);
  const report = owesReportAcknowledgement(row) ? reminderStateOf(row) : null;
  return own === 'overdue' || report === 'overdue' ? 'overdue' : (own ?? report);
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
