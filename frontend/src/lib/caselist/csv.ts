// The desk case list as CSV (issue 15): the plain fields of each row, nothing encrypted.
// RFC 4180: CRLF between records, a field holding a comma, quote or line break is quoted with
// its quotes doubled. A cell a spreadsheet would read as a formula (= + - @, a tab or a carriage
// return first) gets a leading single quote, so a label or a region typed by someone cannot run
// in the investigator's spreadsheet (OWASP CSV injection).

/**
 * The plain fields the CSV reads: a case list row (CaseListItem, GET /api/cases) has them all.
 * The report id first, so a row can be found again on the desk.
 */
export interface CsvCase {
  reportId: string;
  receivedAt: string;
  status: string;
  priority: string | null;
  sector: string | null;
  region: string | null;
  assignees: readonly string[];
  nextDeadline: string | null;
  labels: readonly string[];
}

export const csvHeader = [
  'case',
  'received',
  'status',
  'priority',
  'sector',
  'region',
  'assignees',
  'next deadline',
  'labels',
] as const;

const formulaStart = /^[=+\-@\t\r]/;

/** One cell, defused and quoted where RFC 4180 asks. */
export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const row = (cells: readonly string[]): string => cells.map(csvCell).join(',');

/** The header and one record per case, CRLF-separated and CRLF-terminated. */
export function caseListCsv(items: readonly CsvCase[]): string {
  const records = items.map((c) =>
    row([
      c.reportId,
      c.receivedAt,
      c.status,
      c.priority ?? '',
      c.sector ?? '',
      c.region ?? '',
      c.assignees.join('; '),
      c.nextDeadline ?? '',
      c.labels.join('; '),
    ]),
  );
  return [row(csvHeader), ...records].map((r) => `${r}\r\n`).join('');
}
