import {
  CaseIndex,
  readCaseListChanges,
  referralReminderStateOf,
  reminderSeenBy,
  type CaseListState,
  type ReminderState,
} from '@integrity-desk/reports';
import type Database from 'better-sqlite3';

/** Told which cases changed (their rows as the list now has them, or purged markers). */
export type CaseListener = (changed: readonly CaseListState[]) => void;

/**
 * The case list of this desk process: the projection's rows in memory (CaseIndex), brought up to
 * date from the read models before each read and by `refresh` (the live-update feed calls it),
 * reading only the rows whose log position moved. Listeners hear about every changed row.
 */
export class LiveCaseList {
  readonly index = new CaseIndex();
  private readonly listeners = new Set<CaseListener>();
  constructor(private readonly db: Database.Database) {}

  /** Reads what changed since the last look; returns the index, current. */
  refresh(): CaseIndex {
    const changes = readCaseListChanges(this.db, this.index.position);
    if (changes.states.length > 0) {
      this.index.apply(changes.states);
      for (const listener of this.listeners) listener(changes.states);
    }
    return this.index;
  }

  /**
   * A case's reminder badge (`due`, `overdue`) from its row's recorded reminders, as a recipient
   * of `channelIds` sees it (reminderSeenBy: a referral's target, of its own acknowledgement),
   * or null (none, or no row yet): the queues and the case page show it as the list does.
   */
  reminderOf(reportId: string, channelIds: readonly string[]): ReminderState | null {
    const row = this.refresh().get(reportId);
    return row ? reminderSeenBy(row, channelIds) : null;
  }

  /** The badge of one referral's acknowledgement by its target (the incoming referrals inbox). */
  referralReminderOf(reportId: string, referralId: string): ReminderState | null {
    const row = this.refresh().get(reportId);
    const referral = row?.referralDeadlines?.find((r) => r.referralId === referralId);
    return row && referral ? referralReminderStateOf(row, referral) : null;
  }

  listen(listener: CaseListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listening(): number {
    return this.listeners.size;
  }
}
