// The case list CSV: RFC 4180 quoting and no cell a spreadsheet would run as a formula.
import { describe, expect, it } from 'vitest';
import { caseListCsv, csvCell, type CsvCase } from '../../frontend/src/lib/caselist/csv.ts';

const item = (over: Partial<CsvCase> = {}): CsvCase => ({
  reportId: '6b1f0c2e-0000-4000-8000-000000000001',
  status: 'investigating',
  receivedAt: '2026-01-02T03:04:05.000Z',
  nextDeadline: '2026-04-02T03:04:05.000Z',
  priority: 'high',
  sector: 'finance',
  region: 'North',
  assignees: ['ada', 'bo'],
  labels: ['fraud'],
  ...over,
});

describe('the case list CSV', () => {
  it('has the header and the case id and plain fields of each row, CRLF-separated', () => {
    const other = '6b1f0c2e-0000-4000-8000-000000000002';
    const csv = caseListCsv([
      item(),
      item({ reportId: other, priority: null, sector: null, nextDeadline: null }),
    ]);
    expect(csv).toBe(
      'case,received,status,priority,sector,region,assignees,next deadline,labels\r\n' +
        '6b1f0c2e-0000-4000-8000-000000000001,2026-01-02T03:04:05.000Z,investigating,high,finance,North,ada; bo,2026-04-02T03:04:05.000Z,fraud\r\n' +
        `${other},2026-01-02T03:04:05.000Z,investigating,,,North,ada; bo,,fraud\r\n`,
    );
  });

  it('quotes commas, quotes and line breaks as RFC 4180 asks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('defuses a cell a spreadsheet would read as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}HYPERLINK("x")`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=SUM(A1,B1)')).toBe('"\'=SUM(A1,B1)"');
    const csv = caseListCsv([item({ region: '@evil', labels: ['-2+3'] })]);
    expect(csv).toContain(",'@evil,");
    expect(csvCell('\rfoo')).toBe('"\'\rfoo"');
    expect(csv).toContain(",'-2+3\r\n");
  });
});
