// Every page of the case list (GET /api/cases pages at most 200 at once): what the CSV export
// reads, so the file holds every case the filter chooses, not only the page on screen.

export interface ListPage<T> {
  total: number;
  items: T[];
}

export type PageResult<T> = { ok: true; value: ListPage<T> } | { ok: false };

/**
 * The pages from offset 0 until the total is reached or a page comes back short, each case once
 * (by report id): a report arriving meanwhile pushes the list down by one, and its last case
 * would otherwise come twice. Any failed page fails the whole: no file with cases missing.
 */
export async function allPages<T extends { reportId: string }>(
  page: (offset: number) => Promise<PageResult<T>>,
  size: number,
  onProgress: (progress: { done: number; total: number }) => void,
): Promise<T[] | 'failed'> {
  const seen = new Map<string, T>();
  for (let offset = 0; ; offset += size) {
    const result = await page(offset);
    if (!result.ok) return 'failed';
    for (const item of result.value.items)
      if (!seen.has(item.reportId)) seen.set(item.reportId, item);
    onProgress({ done: seen.size, total: Math.max(result.value.total, seen.size) });
    if (result.value.items.length < size || offset + size >= result.value.total) break;
  }
  return [...seen.values()];
}
