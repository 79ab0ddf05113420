import type { Deadlines } from './commands.ts';
import type { Outcome, Priority, Sector } from './events.ts';

export type OpenStatus = 'submitted' | 'acknowledged' | 'in_review' | 'investigating';

/** What deciders need to know about a report; rebuilt by folding its events. */
export interface ReportFacts {
  readonly reportId: string;
  readonly channelId: string;
  readonly receivedAt: string;
  readonly acknowledgementDueAt: string;
  readonly acknowledgedAt: string | null;
  readonly feedbackDueAt: string | null;
  readonly assignees: readonly string[];
  readonly triage: { readonly priority: Priority; readonly sector: Sector } | null;
  readonly messageIds: readonly string[];
  readonly evidenceIds: readonly string[];
  readonly noteIds: readonly string[];
  /** Channel-defined labels attached to the case, in the order attached. */
  readonly labels: readonly string[];
  /** The receipt's signing key (submission envelope): the whistleblower's only author key. */
  readonly whistleblowerKey: string;
  /** Next message sequence per author key (protocol: 0, 1, 2, ... per author and thread). */
  readonly messageSequences: Readonly<Record<string, number>>;
  /** Next note sequence per author key: notes are a thread of their own. */
  readonly noteSequences: Readonly<Record<string, number>>;
  /** Recipient ids the submission envelope wraps the report key to. */
  readonly sealedTo: readonly string[];
  /**
   * Key shares by recipient id, then by sharer: the fingerprint of that sharer's latest share
   * (a retry of it writes nothing; a new one from the same sharer replaces it).
   */
  readonly keyShares: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Referrals in the order proposed (at most one `proposed` at a time). */
  readonly referrals: readonly Referral[];
  /** Next sequence per author key in the `referrals` thread (the sealed reasons). */
  readonly referralSequences: Readonly<Record<string, number>>;
}

/** A referral as deciders and the desk see it: plain fields only. */
export interface Referral {
  readonly referralId: string;
  readonly toChannelId: string;
  readonly by: string;
  readonly mode: 'consent' | 'inform';
  readonly handOver: boolean;
  readonly targetDeadlines: Deadlines;
  readonly status: 'proposed' | 'accepted' | 'declined' | 'withdrawn';
  /** When the target channel acknowledged it (accepted referrals only), else null. */
  readonly acknowledgedAt: string | null;
}

export type ReportState =
  | { readonly status: 'none' }
  | ({ readonly status: OpenStatus } & ReportFacts)
  | ({
      readonly status: 'closed';
      readonly outcome: Outcome;
      /** When it was closed or referred: retention counts from here (Art. 18). */
      readonly closedAt: string;
    } & ReportFacts)
  | { readonly status: 'purged'; readonly reportId: string };

export const initialReportState: ReportState = { status: 'none' };
