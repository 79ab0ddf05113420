// The desk personas' page navigators: each method is one thing an administrator or an
// investigator does, found by role or label the way a person finds it on the screen. A desk tab
// moves only by its own links once signed in: the unlocked keys live in its memory, and a reload
// locks them again.
import { totpCode } from '@integrity-desk/desk';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { SharedBrowser } from './chromium.ts';
import { observe, type Observations } from './observe.ts';
import { wallClock, type PersonaClock } from './test-clock.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const step = (at: number) => Math.floor(at / 30_000);

/** The stories' desk people: the first administrator and an investigator they invite. */
export const deskPeople = {
  administrator: { handle: 'ndapewa', password: 'correct horse battery staple' },
  investigator: { handle: 'tangeni', password: 'a long walk to Okahandja' },
} as const;

/** A person's own browser (a context of the shared Chromium, observed into `seen`): its page. */
export async function personIn(browser: SharedBrowser, seen: Observations): Promise<Page> {
  const context = await browser.newContext();
  await observe(context, seen);
  return context.newPage();
}

/**
 * The stories' administrator and investigator (deskPeople), each in a browser of their own,
 * at the desk's origin (or the man in the middle that stands in front of it for them).
 */
export async function deskPeopleIn(
  browser: SharedBrowser,
  seen: Observations,
  origins: { administrator: string; investigator: string },
) {
  const { administrator, investigator } = deskPeople;
  return {
    admin: new AdministratorNavigator(
      await personIn(browser, seen),
      origins.administrator,
      administrator.handle,
      administrator.password,
    ),
    officer: new InvestigatorNavigator(
      await personIn(browser, seen),
      origins.investigator,
      investigator.handle,
      investigator.password,
    ),
  };
}

/** What every desk user does: enrol TOTP, sign in (which unlocks the vault), use the header. */
export class DeskNavigator {
  totpSecret = '';
  /** The desk accepts each 30 s TOTP step once per person (replay), within one step of drift. */
  private lastStep = -1;

  constructor(
    readonly page: Page,
    readonly origin: string,
    readonly handle: string,
    /** Changes when the person changes their password (desk-credentials.e2e.spec.ts). */
    public password: string,
    /** The desk's time; a SteppingClock (startDesk) is moved on instead of waited for. */
    readonly clock: PersonaClock = wallClock,
  ) {}

  /**
   * A code for a step this person has not used yet: the current step or the next (the desk
   * allows one step of drift), else the desk's clock is moved on to it, or waited for.
   */
  async nextTotpCode(): Promise<string> {
    const wanted = Math.max(this.lastStep + 1, step(this.clock.now()));
    while (wanted > step(this.clock.now()) + 1) {
      if (this.clock.advance) this.clock.advance((wanted - 1) * 30_000 - this.clock.now());
      else await sleep(1_000);
    }
    this.lastStep = wanted;
    return totpCode(this.totpSecret, new Date(wanted * 30_000 + 15_000));
  }

  /** The TOTP form shown after the vault is made: the QR code, the secret, the recovery key. */
  async readTotpEnrolment(): Promise<{ qr: string; recoveryKey: string }> {
    await this.page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor({
      timeout: 90_000,
    });
    const qr =
      (await this.page
        .getByRole('img', { name: 'QR code for your authenticator app' })
        .getAttribute('src')) ?? '';
    const text = (await this.page.getByText(/^Or type this secret:/).textContent()) ?? '';
    this.totpSecret = text.replace('Or type this secret:', '').trim();
    const recoveryKey = ((await this.page.getByTestId('recovery-key').textContent()) ?? '').trim();
    return { qr, recoveryKey };
  }

  /** Sends `code` on the TOTP form, whatever the desk says to it. */
  async submitTotp(code: string) {
    await this.page.getByLabel('Six-digit code').fill(code);
    await this.page.getByRole('button', { name: 'Confirm' }).click();
  }

  async confirmTotp() {
    await this.submitTotp(await this.nextTotpCode());
    await this.page.getByText('Enrolment complete').waitFor();
  }

  async openSignIn() {
    await this.page.goto(`${this.origin}/desk`);
    await this.page.getByRole('heading', { name: 'Investigator sign-in' }).waitFor();
  }

  /** Fills the sign-in form wherever it is shown (sign-in or unlock page) and waits for `then`. */
  async signInHere(then: () => Promise<unknown>) {
    await this.page.getByLabel('Username').fill(this.handle);
    await this.page.getByLabel('Password', { exact: true }).fill(this.password);
    await this.page.getByLabel('Authenticator code').fill(await this.nextTotpCode());
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await then();
  }

  async signIn() {
    await this.openSignIn();
    await this.signInHere(() =>
      this.page.getByRole('heading', { name: 'Queues' }).waitFor({ timeout: 90_000 }),
    );
  }

  async openQueues() {
    await this.page.getByRole('link', { name: 'Queues' }).click();
    await this.page.getByRole('heading', { name: 'Queues' }).waitFor();
  }

  /** The queue button reads "<name> (<count>)"; refreshes until the projection has caught up. */
  async waitForQueue(name: string, count: number) {
    const button = this.page.getByRole('button', { name: `${name} (${count})` });
    for (let i = 0; i < 40 && !(await button.isVisible()); i++) {
      await this.page.getByRole('button', { name: 'Refresh' }).click();
      await sleep(250);
    }
    return button;
  }

  /** From the queues page: follows the link of the one case in `queue`; returns its id. */
  async followOnlyCaseIn(queue: string) {
    await (await this.waitForQueue(queue, 1)).click();
    const link = this.page.getByTestId('queue').getByRole('link', { name: /^Case / });
    await link.waitFor();
    const reportId = new URL((await link.getAttribute('href')) ?? '', this.origin).searchParams.get(
      'id',
    );
    await link.click();
    return reportId ?? '';
  }

  /** From the queues page: the one case in `queue`, opened and decrypted. */
  async openOnlyCaseIn(queue: string) {
    const reportId = await this.followOnlyCaseIn(queue);
    await this.page.getByTestId('answers').waitFor({ timeout: 90_000 });
    return reportId;
  }

  async answers(): Promise<string> {
    return this.page.getByTestId('answers').innerText();
  }
}

/** The administrator: first-run setup, investigators, channels and their recipients. */
export class AdministratorNavigator extends DeskNavigator {
  /** The sign-in page of a deployment not set up yet, once it offers the setup. */
  async openFirstRun() {
    await this.openSignIn();
    await this.page.getByRole('link', { name: 'Set up this deployment' }).waitFor();
  }

  /** From the first run's sign-in page to the setup form. */
  async followSetupLink() {
    await this.page.getByRole('link', { name: 'Set up this deployment' }).click();
    await this.page.getByRole('heading', { name: 'Set up this deployment' }).waitFor();
  }

  async openSetup() {
    await this.openFirstRun();
    await this.followSetupLink();
  }

  /** On the setup page: creates the vault and the deployment; returns the TOTP enrolment. */
  async setUp(token: string) {
    await this.page.getByLabel('Setup token').fill(token);
    await this.page.getByLabel('Username').fill(this.handle);
    await this.page.getByLabel('Password (at least 12 characters)').fill(this.password);
    await this.page.getByRole('button', { name: 'Set up' }).click();
    return this.readTotpEnrolment();
  }

  /** The first run from start to end (setup, TOTP, sign-in), then the administration page. */
  async setUpAndSignIn(token: string) {
    await this.openSetup();
    await this.setUp(token);
    await this.confirmTotp();
    await this.signIn();
    await this.openAdministration();
  }

  async openAdministration() {
    await this.page.getByRole('link', { name: 'Administration' }).click();
    await this.page.getByRole('heading', { name: 'Administration' }).waitFor();
  }

  /** Returns the invitation to hand over privately (shown once). */
  async invite(handle: string, role: 'Investigator' | 'Administrator' = 'Investigator') {
    await this.page.getByLabel('Username of the new investigator').fill(handle);
    await this.page.getByLabel('Role').selectOption({ label: role });
    await this.page.getByRole('button', { name: 'Invite an investigator' }).click();
    const shown = this.page.getByRole('status').filter({ hasText: 'Invitation (give it' });
    await shown.waitFor();
    return ((await shown.textContent()) ?? '').replace(/^[^:]*shown once\):/, '').trim();
  }

  async addChannel(name: string, questions: string[]) {
    await this.page.getByLabel('Channel name').fill(name);
    await this.page.getByLabel(/^Questionnaire/).fill(questions.join('\n'));
    await this.page.getByRole('button', { name: 'Add channel' }).click();
    await this.recipientsOf(name).waitFor();
  }

  /**
   * A channel whose questionnaire is written in several languages: `byLanguage` the same
   * questions, one a line, in each; the first language is the questionnaire's default.
   */
  async addChannelInLanguages(name: string, byLanguage: Record<string, string[]>) {
    const [first, ...others] = Object.keys(byLanguage);
    await this.page.getByLabel('Channel name').fill(name);
    await this.page.getByLabel(/^Questionnaire/).fill(byLanguage[first!]!.join('\n'));
    await this.page.getByLabel('Language of these questions').fill(first!);
    await this.page.getByLabel('Also written in').fill(others.join(', '));
    for (const code of others)
      await this.page
        .getByLabel(new RegExp(`^Questions in .*\\(${code}\\)`))
        .fill(byLanguage[code]!.join('\n'));
    await this.page.getByRole('button', { name: 'Add channel' }).click();
    await this.recipientsOf(name).waitFor();
  }

  recipientsOf(channel: string) {
    return this.page.getByRole('group', { name: `Who receives reports sent to ${channel}` });
  }

  /**
   * Ticks exactly these people, confirms each safety number shown as compared (the stories'
   * people are all genuine: key-binding.e2e.spec.ts compares them with the person's own page),
   * signs the list in this browser and publishes it.
   */
  async publishRecipients(channel: string, handles: string[]): Promise<string> {
    const group = this.recipientsOf(channel);
    // Last first: unticking a person removes their review (after every person's box).
    for (const box of (await group.getByRole('checkbox').all()).reverse()) await box.uncheck();
    for (const handle of handles) {
      await group.getByLabel(handle, { exact: true }).check();
      await group.locator(`[data-review="${handle}"]`).waitFor();
    }
    for (const box of await group.getByRole('checkbox', { name: /^I compared/ }).all())
      await box.check();
    await group.getByRole('button', { name: 'Sign and publish the recipients' }).click();
    const outcome = group.getByRole('status');
    await outcome.waitFor();
    return ((await outcome.textContent()) ?? '').trim();
  }

  /**
   * Finds a report in the audit log (its stream is report-<uuid>). The log loads after the
   * heading and its projection may lag: come back to the page until the row shows.
   */
  async findInAuditLog(reportId: string): Promise<boolean> {
    const cell = this.page.getByRole('cell', { name: `report-${reportId}`, exact: true }).first();
    for (let i = 0; i < 20; i++) {
      if (
        await cell.waitFor({ timeout: 2_000 }).then(
          () => true,
          () => false,
        )
      )
        return true;
      await this.openQueues();
      await this.openAdministration();
    }
    return false;
  }

  /**
   * Types a case's address, as someone who learnt its id would: the reload locks the keys, so
   * the desk asks to unlock them first (and then returns to that address).
   */
  async typeCaseAddress(reportId: string) {
    await this.page.goto(`${this.origin}/desk/case?id=${reportId}`);
    await this.page.getByRole('heading', { name: 'Unlock your keys' }).waitFor();
  }

  async unlockToCase() {
    await this.signInHere(() =>
      this.page.getByRole('heading', { level: 1, name: /^Case / }).waitFor({ timeout: 90_000 }),
    );
  }
}

/** The investigator: enrolment from an invitation, the queues and the case. */
export class InvestigatorNavigator extends DeskNavigator {
  async openEnrolment() {
    await this.page.goto(`${this.origin}/desk`);
    await this.page.getByRole('link', { name: 'Enrol as an investigator' }).click();
    await this.page.getByRole('heading', { name: 'Enrol as an investigator' }).waitFor();
  }

  /** On the enrolment page: creates the vault from the invitation; returns the TOTP enrolment. */
  async enrol(invitation: string) {
    await this.page.getByLabel('Invitation (from your administrator)').fill(invitation);
    await this.page.getByLabel('Password (at least 12 characters)').fill(this.password);
    await this.page.getByRole('button', { name: 'Create my keys' }).click();
    return this.readTotpEnrolment();
  }

  /** From the invitation to the queues: enrolment, TOTP, sign-in. */
  async enrolAndSignIn(invitation: string) {
    await this.openEnrolment();
    await this.enrol(invitation);
    await this.confirmTotp();
    await this.signIn();
  }

  /** Decrypts every piece of evidence in the browser, then saves the named files: name to bytes. */
  async saveEvidence(names: string[]): Promise<Map<string, Buffer>> {
    await this.decryptEvidence();
    const files = new Map<string, Buffer>();
    for (const name of names) {
      const link = this.page.getByRole('link', { name: `Save ${name}`, exact: true });
      await link.waitFor({ timeout: 90_000 });
      const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
      files.set(download.suggestedFilename(), readFileSync(await download.path()));
    }
    return files;
  }

  /**
   * Exports the case file: the page decrypts every evidence file, builds the PDF, has the desk
   * record the export, and only then shows the link that saves it. Returns the PDF's bytes.
   */
  async exportCaseFile(): Promise<Buffer> {
    await this.page.getByRole('button', { name: 'Export case file (PDF)' }).click();
    const link = this.page.getByTestId('case-file-link');
    await link.waitFor({ timeout: 120_000 });
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    return readFileSync(await download.path());
  }

  /** Decrypts every piece of evidence in the browser (each button becomes a save link). */
  async decryptEvidence() {
    const buttons = this.page.getByTestId('evidence').getByRole('button', { name: /^Decrypt / });
    while ((await buttons.count()) > 0) await buttons.first().click();
  }

  async acknowledge() {
    await this.page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await this.page.getByTestId('desk-status').filter({ hasText: 'Acknowledged' }).waitFor();
  }

  async message(text: string) {
    await this.page.locator('textarea#message').fill(text);
    await this.page.getByRole('button', { name: 'Send', exact: true }).click();
    await this.messages().getByText(text).waitFor();
  }

  /** The case's one stream: steps, messages both ways, notes and files, newest last. */
  timeline() {
    return this.page.getByTestId('timeline');
  }

  /** Where the messages both ways show: in the timeline. */
  messages() {
    return this.timeline();
  }

  /** An internal note: sealed as a note in the worker, numbered next among this person's notes. */
  async note(text: string) {
    await this.page.locator('textarea#note').fill(text);
    await this.page.getByRole('button', { name: 'Add note', exact: true }).click();
    await this.timeline().locator('[data-kind="note"]').getByText(text).waitFor();
  }

  async triage(priority: string, sector: string) {
    await this.page.getByLabel('Priority').selectOption(priority);
    await this.page.getByLabel('Sector').selectOption(sector);
    await this.page.getByRole('button', { name: 'Triage', exact: true }).click();
    await this.page.getByText(`Priority ${priority}, sector ${sector}`).waitFor();
  }

  async close(outcome: string, text: string) {
    await this.page.getByLabel('Outcome (shown to the whistleblower)').selectOption(outcome);
    await this.page.locator('textarea#outcome').fill(text);
    await this.page.getByRole('button', { name: 'Close case' }).click();
    await this.page.getByTestId('desk-status').filter({ hasText: 'Closed' }).waitFor();
  }
}
