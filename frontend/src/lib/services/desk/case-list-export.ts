// The case list CSV export: every page of the list as filtered now, the CSV built here, then the
// export recorded by the desk, and only then the file offered. The desk learns who exported how
// many rows with which filter (never the search's text), nothing of the file (SECURITY.md,
// Insiders).
import { deskApi } from '$lib/api/desk';
import { caseListCsv } from '$lib/caselist/csv';
import { allPages } from '$lib/caselist/pages';
import { caseQuery, exportedFilter, type CaseListFilters } from './case-list';

/** The most GET /api/cases answers at once. */
const EXPORT_PAGE = 200;

export interface ExportedCaseList {
  url: string;
  name: string;
}

export async function exportCaseList(
  filters: CaseListFilters,
  onProgress: (progress: { done: number; total: number }) => void,
): Promise<ExportedCaseList | 'failed'> {
  const items = await allPages(
    (offset) => deskApi.cases(caseQuery({ ...filters, offset }, EXPORT_PAGE)),
    EXPORT_PAGE,
    onProgress,
  );
  if (items === 'failed') return 'failed';
  const csv = caseListCsv(items);
  // Recorded before the file is offered: without the record, no file.
  const recorded = await deskApi.recordCaseListExport({
    filter: exportedFilter(filters),
    rows: items.length,
  });
  if (!recorded.ok) return 'failed';
  const day = new Date().toISOString().slice(0, 10);
  // A byte order mark first: spreadsheets then read the UTF-8 labels and regions as UTF-8.
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  return { url: URL.createObjectURL(blob), name: `cases-${day}.csv` };
}
