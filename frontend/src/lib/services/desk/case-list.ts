// The case list's filters as the desk's query string (services/desk GET /api/cases).
export interface CaseListFilters {
  view: string;
  status: string;
  priority: string;
  sector: string;
  region: string;
  assignee: string;
  label: string;
  /** `investigator`: the whistleblower wrote last; `whistleblower`: we did. */
  awaiting: string;
  /** A reminder badge: `due` or `overdue`. */
  reminder: string;
  q: string;
  sort: string;
  dir: 'asc' | 'desc';
  offset: number;
}

export const PAGE = 50;

export const emptyFilters = (): CaseListFilters => ({
  view: '',
  status: '',
  priority: '',
  sector: '',
  region: '',
  assignee: '',
  label: '',
  awaiting: '',
  reminder: '',
  q: '',
  sort: '',
  dir: 'desc',
  offset: 0,
});

/** Filters chosen from a list, and typed ones (trimmed). */
const chosen = [
  'view',
  'status',
  'priority',
  'sector',
  'assignee',
  'awaiting',
  'reminder',
] as const;
const typed = ['region', 'label', 'q'] as const;

/** Only what is set: an empty field filters nothing. */
export function caseQuery(f: CaseListFilters, limit = PAGE): URLSearchParams {
  const q = new URLSearchParams();
  for (const name of chosen) if (f[name]) q.set(name, f[name]);
  for (const name of typed) if (f[name].trim()) q.set(name, f[name].trim());
  if (f.sort) {
    q.set('sort', f.sort);
    q.set('dir', f.dir);
  }
  q.set('limit', String(limit));
  if (f.offset > 0) q.set('offset', String(f.offset));
  return q;
}

/** The filter alone, as the case list export names it (services/desk POST /api/cases/exports). */
export function exportedFilter(f: CaseListFilters): Record<string, string> {
  const q = caseQuery(f);
  q.delete('limit');
  q.delete('offset');
  return Object.fromEntries(q);
}

/** The filters a link to the list names (`?view=inbox`, `?reminder=overdue`, ...); the rest empty. */
export function filtersFrom(params: URLSearchParams): CaseListFilters {
  const f = emptyFilters();
  for (const name of [...chosen, ...typed]) f[name] = params.get(name) ?? '';
  return f;
}
