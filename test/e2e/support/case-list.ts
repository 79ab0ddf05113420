// The desk's case list page (/desk/cases) as an investigator drives it: through its own
// controls (the filter form, the selects that apply at once), read back from what it shows (the
// total, the rows' report ids, a row's unread marker). Shared by the case list spec and the
// desk story so both drive the page the same way.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export type TextFilter = 'Label' | 'Search (plain fields and labels)';
export type SelectFilter = 'status' | 'priority' | 'sector';

export class CaseListNavigator {
  constructor(readonly page: Page) {}

  /** From any desk page, by the link beside the queues (a navigation, not a reload). */
  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Case list' }).click();
    await this.page.getByRole('heading', { name: 'Case list' }).waitFor();
  }

  rows(): Locator {
    return this.page.getByTestId('case-list').locator('tbody tr');
  }

  /**
   * Waits until the page says exactly `count` cases ('1 case', never '1 cases'), then the
   * report ids of its rows.
   */
  async showing(count: number): Promise<string[]> {
    await this.page
      .getByTestId('case-total')
      .filter({ hasText: new RegExp(`^${count} ${count === 1 ? 'case' : 'cases'}$`) })
      .waitFor();
    return this.rows().evaluateAll((rows) =>
      rows.map((row) => row.getAttribute('data-report') ?? ''),
    );
  }

  /** Types into a text filter and submits the form with its Filter button. */
  async filter(field: TextFilter, value: string): Promise<void> {
    await this.page.getByLabel(field, { exact: true }).fill(value);
    await this.page.getByRole('button', { name: 'Filter' }).click();
  }

  /** Chooses in a select filter, which applies on change. */
  async choose(name: SelectFilter, value: string): Promise<void> {
    await this.page.locator(`select[name="${name}"]`).selectOption(value);
  }

  /** The unread marker's text on a report's row ('' when none is shown). */
  async unread(reportId: string): Promise<string> {
    const marker = this.page.locator(`tr[data-report="${reportId}"]`).getByTestId('unread');
    return (await marker.count()) ? await marker.innerText() : '';
  }

  /**
   * Marks the window; the returned check says whether the same document is still loaded (a
   * reload or navigation drops the mark), so an update can be shown to arrive without one.
   */
  async markWindow(): Promise<() => Promise<boolean>> {
    await this.page.getByTestId('live').filter({ hasText: 'Live' }).waitFor();
    const mark = `${Date.now()}-${Math.random()}`;
    await this.page.evaluate((m) => ((window as unknown as { mark: string }).mark = m), mark);
    return async () =>
      (await this.page.evaluate(() => (window as unknown as { mark?: string }).mark)) === mark;
  }

  /**
   * Exports the list as filtered now with its Export CSV button and saves the file through the
   * link the page offers once the desk has recorded the export: the file's text, without the
   * byte order mark spreadsheets need.
   */
  async exportCsv(): Promise<string> {
    await this.page.getByRole('button', { name: 'Export CSV' }).click();
    const link = this.page.getByTestId('case-list-csv');
    await link.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^cases-\d{4}-\d\d-\d\d\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    return text.slice(1);
  }
}
