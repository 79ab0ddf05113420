// The desk header's work indicator: how much work waits (services/desk GET /api/cases/work),
// never what. Unread replies are counted here against this browser's unread markers, as the
// case list marks them (./unread.ts). Pure but for those markers.
import type { CaseWork } from '../../api/case-work';
import { unreadCount } from './unread';

export type { CaseWork };

/** One line of the indicator and the case list filter it links to. */
export interface WorkItem {
  kind: 'newReports' | 'replies' | 'due' | 'overdue';
  count: number;
  /** The case list's query string that lists these cases. */
  query: string;
}

export function workItems(work: CaseWork, investigatorId: string): WorkItem[] {
  const replies = work.replies.filter(
    (r) => unreadCount(investigatorId, r.reportId, r.whistleblowerWrites) > 0,
  ).length;
  return [
    { kind: 'newReports', count: work.newReports, query: 'view=inbox' },
    { kind: 'replies', count: replies, query: 'awaiting=investigator' },
    { kind: 'due', count: work.due, query: 'reminder=due' },
    { kind: 'overdue', count: work.overdue, query: 'reminder=overdue' },
  ];
}
