/**
 * The desk's work counts (GET /api/cases/work): how much waits, never what. Its own module, with
 * no imports, so Node tests of the work indicator read it without the rest of the desk client.
 */
export interface CaseWork {
  newReports: number;
  due: number;
  overdue: number;
  replies: { reportId: string; whistleblowerWrites: number }[];
}
