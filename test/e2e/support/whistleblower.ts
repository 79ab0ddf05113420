// The whistleblower persona's page navigator: each method is one thing a person does, by
// label or role, the way they would find it on the screen.
import type { Page } from 'playwright-core';
import { readBlob } from './blob-reader.ts';

export class WhistleblowerNavigator {
  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {}

  async openLanding() {
    await this.page.goto(`${this.origin}/`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  async startReport() {
    await this.page.getByRole('link', { name: 'Make a report' }).first().click();
    await this.page
      .getByRole('heading', { name: 'Choose who should receive your report' })
      .waitFor();
  }

  async chooseChannel(name: string) {
    await this.page.getByRole('button', { name: `Choose ${name}` }).click();
    await this.page.getByRole('heading', { name: 'Tell us what happened' }).waitFor();
  }

  async questionNumber(): Promise<string> {
    return (await this.page.getByText(/^Question \d+ of \d+$/).textContent()) ?? '';
  }

  async answerText(label: string | RegExp, value: string) {
    await this.page.getByLabel(label).fill(value);
  }

  async answerChoice(option: string) {
    await this.page.getByRole('radio', { name: option }).check();
  }

  async next() {
    const before = await this.page.url();
    await this.page.getByRole('button', { name: 'Next' }).click();
    return before;
  }

  /**
   * From the landing page to the evidence step: the channel, then what happened and where (the
   * two required questions), leaving the `optional` questions after them blank (the stories'
   * test channel has two; a channel made at the desk with two questions, none).
   */
  async writeReport(channel: string, what: string, where: string, optional = 2) {
    await this.openLanding();
    await this.startReport();
    await this.chooseChannel(channel);
    await this.answerText(/What happened\?/, what);
    await this.next();
    await this.answerText(/Which organisation/, where);
    await this.next();
    for (let i = 0; i < optional; i++) await this.next();
  }

  async attach(files: { name: string; mimeType: string; buffer: Buffer }[]) {
    await this.page.getByLabel('Choose files').setInputFiles(files);
  }

  /** Attaches a PDF and keeps it after the warning that documents can name their author. */
  async attachPdfAnyway(name: string, buffer: Buffer) {
    await this.attach([{ name, mimeType: 'application/pdf', buffer }]);
    await this.page.getByRole('button', { name: 'Attach it anyway' }).click();
  }

  /** The bytes the preview of an attached image shows: the cleaned file that will be sent. */
  async cleanedPreview(name: string): Promise<Buffer> {
    const item = this.page
      .getByTestId('attachments')
      .getByRole('listitem')
      .filter({ hasText: name });
    await item.getByText(/^Cleaned:/).waitFor({ timeout: 60_000 });
    const src = await item.locator('img').getAttribute('src');
    return readBlob(this.page.context(), this.origin, src);
  }

  async goToReview() {
    await this.page.getByRole('link', { name: 'Next' }).click();
    await this.page.getByRole('heading', { name: 'Check your report' }).waitFor();
  }
}

/** The rest of the path: submitting, the receipt, returning and the case. */
export class ReportingNavigator extends WhistleblowerNavigator {
  async submitFromReview(): Promise<string> {
    await this.page.getByRole('link', { name: 'Lock and send' }).click();
    await this.page.getByRole('heading', { name: 'Sending your report' }).waitFor();
    await this.page.getByTestId('submit-progress').waitFor();
    await this.page.getByRole('heading', { name: 'Your receipt' }).waitFor({ timeout: 120_000 });
    return ((await this.page.getByTestId('receipt').textContent()) ?? '').trim();
  }

  async typeBackReceipt(receipt: string) {
    await this.page.getByLabel('Type the receipt here').fill(receipt);
    await this.page.getByRole('button', { name: 'Check' }).click();
  }

  async returnWith(receipt: string) {
    await this.page.goto(`${this.origin}/return`);
    await this.page.getByLabel('Receipt').fill(receipt);
    await this.page.getByRole('button', { name: 'Open my report' }).click();
  }

  async waitForCase() {
    await this.page.getByTestId('case-status').waitFor({ timeout: 120_000 });
  }

  async reply(text: string) {
    await this.page.getByLabel('Your reply').fill(text);
    await this.page.getByRole('button', { name: 'Send reply' }).click();
    await this.page.getByText('Reply sent.').waitFor();
  }

  async checkForUpdates() {
    await this.page.getByRole('button', { name: 'Check for updates' }).click();
  }

  async logOut() {
    await this.page.getByRole('button', { name: 'Log out' }).click();
    await this.page.getByText('You have logged out').waitFor();
  }
}
