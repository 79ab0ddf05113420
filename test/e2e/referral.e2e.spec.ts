// Referral to another coalition member (SECURITY.md, Protocol step 11, issue 14), in real
// Chromium against the real composition root. Two channels: the administrator is the only
// recipient of "Procurement watch", the investigator of "Transport union". A whistleblower
// reports to the first; the administrator refers it to the union, the worker sealing the reason
// and no key share: the event log holds nothing the union could open. The union's investigator
// sees nothing until the whistleblower, on return, reads which organisation and why and agrees:
// their browser wraps the key to the union's verified list and signs each share with the
// receipt's key; then the report is in the union's "referred" list and they read its answers
// (their browser checks the share against the whistleblower's key in the signed envelope). A second report's referral is declined:
// the union's investigator never gets it, as the desk's answers and the event log say. The
// reasons never appear in plain in the event store, the logs, or any response.
import { runRemindersOnce } from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, missingChromiumMessage } from './support/chromium.ts';
import { deskPeople, InvestigatorNavigator, type AdministratorNavigator } from './support/desk.ts';
import type { TestPlatform } from './support/platform.ts';
import { expectCleanStory, startAdministratorStory, type Story } from './support/story.ts';
import { ReportingNavigator } from './support/whistleblower.ts';

const title = hasChromium
  ? 'referral: a report goes to another member only with the whistleblower’s consent'
  : `referral: skipped, ${missingChromiumMessage}`;

const source = 'Procurement watch';
const target = 'Transport union';
const { administrator, investigator } = deskPeople;
const what = 'Bus drivers are paid for shifts that never happened, at the Windhoek depot.';
const where = 'City transport';
const question = 'Which shifts were paid but never driven?';
const replyText = 'The night shifts of March, on routes 4 and 7.';
const secondWhat = 'The depot manager takes a cut of every overtime claim.';
const reasons = [
  'canaryreason7Q2 the union represents the drivers named in this report',
  'canaryreason9K4 the union can check the shift rosters',
  'canaryreason3X8 the law obliges us to forward wage fraud',
  'canaryreason5M1 a server says we must forward this one',
];

describe.skipIf(!hasChromium)(title, () => {
  let story: Story;
  let platform: TestPlatform;
  const responses: string[] = [];
  let admin: AdministratorNavigator;
  let officer: InvestigatorNavigator;
  const receipts: string[] = [];
  const reportIds: string[] = [];
  const check = (page: Page, name: string) => story.check(page, name);
  const personIn = async () => {
    const page = await story.personIn();
    record(page);
    return page;
  };

  /** Every answer body a page received, for the canary. */
  const record = (page: Page) =>
    page.on('response', (r) => {
      void r.text().then(
        (text) => responses.push(text),
        () => undefined,
      );
    });

  /** The events of a report's stream as the server stored them: type and data. */
  const storedEvents = (reportId: string) => {
    const db = new Database(join(platform.dataDir, 'events.sqlite'), { readonly: true });
    try {
      return (
        db
          .prepare('SELECT type, data FROM events WHERE stream_id = ? ORDER BY position')
          .all(`report-${reportId}`) as { type: string; data: string }[]
      ).map((e) => ({ type: e.type, data: e.data }));
    } finally {
      db.close();
    }
  };
  /** The union's recipients as its signed list names them (the desk offers it as a target). */
  let unionList: { recipientId: string; boxPublicKey: string }[] = [];

  /** What the desk answers this person's browser for a path (the session cookie goes with it). */
  const deskGet = (page: Page, path: string) =>
    page.evaluate(async (p) => {
      const r = await fetch(p);
      return { status: r.status, body: (await r.json()) as unknown };
    }, path);

  /** The desk's reminder job, run once at `at` on the platform's own log and read models. */
  async function remindAt(at: number) {
    const readModels = new Database(join(platform.dataDir, 'read-models.sqlite'), {
      readonly: true,
    });
    await runRemindersOnce({ store: platform.platform.store, readModels, now: new Date(at) });
    readModels.close();
  }

  beforeAll(async () => {
    ({ story, admin } = await startAdministratorStory('referral'));
    platform = story.platform;
    record(admin.page);
    officer = new InvestigatorNavigator(
      await personIn(),
      platform.desk,
      investigator.handle,
      investigator.password,
    );
  }, 120_000);

  afterAll(() => story?.stop());

  it('sets up two members: the administrator receives for one, the investigator for the other', async () => {
    expect(platform.setupToken).not.toBe('');
    await admin.setUpAndSignIn(platform.setupToken);
    const invitation = await admin.invite(investigator.handle);
    await admin.addChannel(source, ['?What happened?*', 'Which organisation is involved?*']);
    expect(await admin.publishRecipients(source, [administrator.handle])).toBe('Published.');
    await officer.enrolAndSignIn(invitation);
    await admin.openAdministration();
    await admin.addChannel(target, ['?What happened?*']);
    expect(await admin.publishRecipients(target, [investigator.handle])).toBe('Published.');
  }, 240_000);

  /** A whistleblower reports to the source channel; returns their receipt. */
  async function report(text: string) {
    const wb = new ReportingNavigator(await personIn(), platform.intake);
    await wb.writeReport(source, text, where, 0);
    await wb.goToReview();
    const receipt = await wb.submitFromReview();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    await wb.page.context().close();
    receipts.push(receipt);
  }

  /** The administrator opens the case not yet seen from the inbox and refers it to the union. */
  async function refer(
    reason: string,
    cases: number,
    button = 'Propose the referral',
    shown = button === 'Propose the referral' ? 'waiting for the whistleblower' : 'referred',
  ) {
    await admin.openQueues();
    await (await admin.waitForQueue('Inbox', cases)).click();
    const links = admin.page.getByTestId('queue').getByRole('link', { name: /^Case / });
    await links.first().waitFor();
    let reportId = '';
    for (const link of await links.all()) {
      const id = new URL((await link.getAttribute('href')) ?? '', platform.desk).searchParams.get(
        'id',
      );
      if (id && !reportIds.includes(id)) {
        reportId = id;
        await link.click();
        break;
      }
    }
    expect(reportId).toMatch(/^[0-9a-f-]{36}$/);
    reportIds.push(reportId);
    await admin.page.getByTestId('answers').waitFor({ timeout: 90_000 });
    const section = admin.page.getByTestId('referral');
    await section.getByLabel('Refer to').selectOption({ label: target });
    await section.getByLabel(/^Why/).fill(reason);
    const posted = admin.page.waitForResponse(
      (r) =>
        r.url().endsWith(`/api/reports/${reportId}/referrals`) && r.request().method() === 'POST',
    );
    await section.getByRole('button', { name: button }).click();
    expect((await posted).status()).toBe(200);
    await admin.page.getByRole('status').filter({ hasText: 'Referral sent.' }).waitFor();
    await section.getByText(`${target}: ${shown}`).waitFor();
    return reportId;
  }

  /** The whistleblower returns, reads where and why, and answers. */
  async function answer(receipt: string, reason: string, agree: boolean) {
    const wb = new ReportingNavigator(await personIn(), platform.intake);
    await wb.returnWith(receipt);
    await wb.waitForCase();
    const referral = wb.page.getByTestId('referral');
    await referral.waitFor();
    expect(await referral.innerText()).toContain(`to pass your report to ${target}`);
    expect(await wb.page.getByTestId('referral-reason').innerText()).toBe(reason);
    await check(wb.page, agree ? 'asked' : 'asked-again');
    // The answer itself (agreeing first fetches the target's list from the same path).
    const answered = wb.page.waitForResponse(
      (r) => r.url().includes('/api/v1/case/referrals/') && r.request().method() === 'POST',
    );
    await referral
      .getByRole('button', { name: agree ? 'Agree: pass it on' : 'Decline: keep it here' })
      .click();
    expect((await answered).status()).toBe(204);
    await wb.page
      .getByText(
        agree
          ? `Your report was passed to ${target} with your agreement.`
          : `You declined to pass your report to ${target}.`,
      )
      .waitFor();
    await wb.page.context().close();
  }

  it('a whistleblower reports; the administrator refers it to the union with a reason', async () => {
    await report(what);
    const reportId = await refer(reasons[0]!, 1);
    await check(admin.page, 'proposed');
    const targets = (await deskGet(admin.page, `/api/reports/${reportId}/referral-targets`))
      .body as { items: { recipientList: { recipients: typeof unionList } }[] };
    unionList = targets.items[0]!.recipientList.recipients;
    expect(unionList).toHaveLength(1);
    // Asking the whistleblower, the proposal holds no share: nothing in the log names the
    // union's recipient or the box key a share would be sealed to.
    const proposed = storedEvents(reportId).find((e) => e.type === 'ReferralProposed')!;
    expect(JSON.parse(proposed.data)).toMatchObject({ shares: [] });
    for (const r of unionList) {
      expect(proposed.data).not.toContain(r.recipientId);
      expect(proposed.data).not.toContain(r.boxPublicKey);
    }
    // Proposed only: the union's investigator may not open it, nor see it anywhere.
    await officer.openQueues();
    expect((await deskGet(officer.page, `/api/reports/${reportId}`)).status).toBe(403);
    expect((await deskGet(officer.page, '/api/referrals/incoming')).body).toEqual({ items: [] });
    expect(await officer.page.getByTestId('referred').count()).toBe(0);
  }, 300_000);

  it('the whistleblower returns, reads to whom and why, and agrees: their browser shares the key', async () => {
    await answer(receipts[0]!, reasons[0]!, true);
    const accepted = storedEvents(reportIds[0]!).find((e) => e.type === 'ReferralAccepted')!;
    const data = JSON.parse(accepted.data) as {
      consent: string;
      shares: { recipientId: string; boxPublicKey: string; sharedBy: string }[];
    };
    expect(data.consent).toBe('given');
    // One share per listed union recipient, to its listed box key, signed as the whistleblower.
    expect(data.shares.map((s) => [s.recipientId, s.boxPublicKey, s.sharedBy])).toEqual(
      unionList.map((r) => [r.recipientId, r.boxPublicKey, reportIds[0]]),
    );
  }, 240_000);

  it('the union’s investigator finds it referred by the source and reads the answers', async () => {
    // Nothing the case page asks is refused to an investigator who is not an administrator.
    const refused: string[] = [];
    officer.page.on('response', (r) => {
      if (r.status() === 403) refused.push(new URL(r.url()).pathname);
    });
    await officer.openQueues();
    const referred = officer.page.getByTestId('referred');
    for (let i = 0; i < 40 && !(await referred.isVisible()); i++) {
      await officer.page.getByRole('button', { name: 'Refresh' }).click();
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await referred.innerText()).toContain(`referred by ${source}`);
    // A day before the union's own acknowledgement deadline, the reminder job (with a clock
    // that far ahead, on the platform's log and read models) reminds the union: its inbox says so.
    const [incoming] = (
      (await deskGet(officer.page, '/api/referrals/incoming')).body as {
        items: { acknowledgementDueAt: string }[];
      }
    ).items;
    await remindAt(Date.parse(incoming!.acknowledgementDueAt) - 86_400_000);
    const reminded = 'Referral to acknowledge: reminder sent';
    for (let i = 0; i < 40 && !(await referred.getByText(reminded).isVisible()); i++) {
      await officer.page.getByRole('button', { name: 'Refresh' }).click();
      await new Promise((r) => setTimeout(r, 250));
    }
    await referred.getByText(reminded).waitFor();
    // It is in the union's own queues and case list too, marked as referred by the source, with
    // the reminder of its own deadline.
    await officer.waitForQueue('Inbox', 1);
    await officer.page.getByRole('link', { name: 'Case list', exact: true }).click();
    const marked = officer.page.getByTestId('referred-from');
    await marked.waitFor();
    expect(await marked.innerText()).toBe(`Referred by ${source}`);
    const row = officer.page.getByRole('row').filter({ has: marked });
    expect(await row.getByTestId('reminder').innerText()).toBe(reminded);
    await officer.openQueues();
    await check(officer.page, 'inbox');
    await referred.getByRole('link', { name: /^Case / }).click();
    await officer.page.getByTestId('answers').waitFor({ timeout: 90_000 });
    const answers = await officer.answers();
    expect(answers).toContain(what);
    expect(answers).toContain(where);
    expect(await officer.page.getByTestId('referred-in').innerText()).toContain(
      `Referred by ${source}`,
    );
    expect(await officer.page.getByTestId('referred-in').innerText()).toContain(reminded);
    // The union reads it; the referring is the source's: no referral form here.
    expect(await officer.page.getByTestId('referral').count()).toBe(0);
    // Its deadlines are the referral's own; acknowledging the report to the whistleblower is the
    // source's duty (kept access): no form for it here, only the referral's acknowledgement.
    const deadlines = await officer.page.getByTestId('deadlines').innerText();
    expect(deadlines).toContain('Acknowledge the referral');
    expect(deadlines).not.toMatch(/^Acknowledge:/m);
    expect(await officer.page.locator('#ack-send').count()).toBe(0);
    await check(officer.page, 'opened');
    // The whole case's timeline, as the source sees it, not only its receipt.
    const timeline = officer.page.getByTestId('timeline');
    await timeline.getByText(`Referral to ${target} proposed`).waitFor();
    await timeline.getByText(`Referral to ${target} accepted by the whistleblower`).waitFor();
    // The union acknowledges it as its own, and assigns it to its investigator.
    await officer.page.getByRole('button', { name: 'Acknowledge the referral' }).click();
    await officer.page.getByTestId('referral-acknowledged').waitFor();
    expect(await officer.page.getByTestId('referred-in').innerText()).not.toContain(reminded);
    await timeline.getByText('Referral acknowledged by the receiving member').waitFor();
    await officer.page.getByLabel('Investigator', { exact: true }).selectOption({
      label: investigator.handle,
    });
    await officer.page.getByRole('button', { name: 'Assign', exact: true }).click();
    await officer.page.getByTestId('desk-assignees').getByText(investigator.handle).waitFor();
    expect(refused).toEqual([]);
    // Both timelines and the audit log show the steps.
    await admin.openQueues();
    await admin.openOnlyCaseIn('Inbox');
    await admin.page.getByText(`Referral to ${target} accepted by the whistleblower`).waitFor();
    const audit = (await deskGet(admin.page, '/api/audit?limit=500')).body as {
      items: { streamId: string; type: string; actor: string }[];
    };
    const steps = audit.items.filter((i) => i.streamId === `report-${reportIds[0]}`);
    expect(steps.map((s) => [s.type, s.actor])).toEqual(
      expect.arrayContaining([
        ['ReferralProposed', expect.any(String)],
        ['ReferralAccepted', 'whistleblower'],
      ]),
    );
  }, 240_000);

  it('the union’s investigator asks; the whistleblower reads it as the desk’s and replies; the union reads the reply', async () => {
    // The officer is still on the referred case's page.
    await officer.message(question);
    const wb = new ReportingNavigator(await personIn(), platform.intake);
    await wb.returnWith(receipts[0]!);
    await wb.waitForCase();
    // The union's acknowledgement, as the whistleblower reads it.
    expect(await wb.page.getByTestId('referral-received').innerText()).toContain(
      `${target} received your report`,
    );
    const thread = wb.page.getByTestId('messages');
    await thread.getByText(question).waitFor();
    // Its author is on the union's verified list: an investigator's message, not unverified.
    expect(await wb.page.getByTestId('unverified-message').count()).toBe(0);
    expect(await thread.locator(':scope > li').first().innerText()).toContain('Investigator');
    await wb.reply(replyText);
    await wb.page.context().close();
    // Back to the case from the queues (the worker keeps the vault open); the reply is there.
    await officer.openQueues();
    await officer.page.getByTestId('referred').getByText('acknowledged').waitFor();
    await officer.page
      .getByTestId('referred')
      .getByRole('link', { name: /^Case / })
      .click();
    await officer.page.getByTestId('answers').waitFor({ timeout: 90_000 });
    await officer.messages().getByText(replyText).waitFor();
  }, 300_000);

  it('a declined referral shares nothing: the union never gets the second report', async () => {
    await report(secondWhat);
    const reportId = await refer(reasons[1]!, 2);
    await answer(receipts[1]!, reasons[1]!, false);
    expect((await deskGet(officer.page, `/api/reports/${reportId}`)).status).toBe(403);
    const incoming = (await deskGet(officer.page, '/api/referrals/incoming')).body as {
      items: { reportId: string }[];
    };
    expect(incoming.items.map((i) => i.reportId)).toEqual([reportIds[0]]);
    // The server's own record: proposed, declined, never accepted.
    const db = new Database(join(platform.dataDir, 'events.sqlite'), { readonly: true });
    try {
      const types = db
        .prepare('SELECT type FROM events WHERE stream_id = ? ORDER BY position')
        .pluck()
        .all(`report-${reportId}`);
      expect(types).toEqual(['ReportSubmitted', 'ReferralProposed', 'ReferralDeclined']);
    } finally {
      db.close();
    }
  }, 300_000);

  it('a server that says the channel informs only, with no list signing it, gets a proposal without shares', async () => {
    // The desk's plain setting says inform (as a compromised server could), the list is still
    // the one signed without a mode, and the referrer's page is told `inform` on top.
    const channels = (await deskGet(admin.page, '/api/channels')).body as {
      items: { channelId: string; name: string }[];
    };
    const sourceId = channels.items.find((c) => c.name === source)!.channelId;
    const plain = await admin.page.evaluate(async (channelId) => {
      const read = await fetch(`/api/channels/${channelId}`);
      const r = await fetch(`/api/channels/${channelId}/referral-mode`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-integrity-desk': '1',
          'if-match': read.headers.get('etag') ?? '',
        },
        body: JSON.stringify({ mode: 'inform' }),
      });
      return r.status;
    }, sourceId);
    expect(plain).toBe(200);
    await admin.page.route('**/api/reports/*/referral-targets', async (route) => {
      try {
        const response = await route.fetch();
        const body = (await response.json()) as Record<string, unknown>;
        await route.fulfill({ response, json: { ...body, referralMode: 'inform' } });
      } catch (error) {
        // The page moved on (a navigation cancelled the request) before the rewritten answer
        // was ready: there is nothing left to rewrite. Anything else is the test's failure.
        if (!String(error).includes('already handled')) throw error;
      }
    });
    try {
      await report(what);
      // The page believes it and says "forward"; the worker, reading the signed list, seals
      // nothing and the whistleblower is asked.
      const reportId = await refer(
        reasons[3]!,
        3,
        'Forward the report',
        'waiting for the whistleblower',
      );
      const events = storedEvents(reportId);
      expect(events.map((e) => e.type)).toEqual(['ReportSubmitted', 'ReferralProposed']);
      expect(JSON.parse(events[1]!.data)).toMatchObject({ mode: 'consent', shares: [] });
      expect((await deskGet(officer.page, `/api/reports/${reportId}`)).status).toBe(403);
    } finally {
      await admin.page.unroute('**/api/reports/*/referral-targets');
    }
  }, 300_000);

  it('an inform-only channel forwards at once: the union reads it without the whistleblower’s answer', async () => {
    await admin.openAdministration();
    const setting = admin.page.getByLabel(`Referral to another member from ${source}`);
    await setting.selectOption({ label: 'Inform only: a legal duty to forward' });
    await setting
      .locator('xpath=ancestor::form')
      .getByRole('button', { name: 'Save the referral setting' })
      .click();
    await setting.locator('xpath=ancestor::form').getByRole('status').waitFor();
    await report(what);
    const reportId = await refer(reasons[2]!, 4, 'Forward the report');
    expect(JSON.parse(storedEvents(reportId)[1]!.data)).toMatchObject({ mode: 'inform' });
    expect((await deskGet(officer.page, `/api/reports/${reportId}`)).status).toBe(200);
    const incoming = (await deskGet(officer.page, '/api/referrals/incoming')).body as {
      items: { reportId: string }[];
    };
    expect(incoming.items.map((i) => i.reportId)).toContain(reportId);
  }, 300_000);

  it('never had a reason in plain: not in the event store, the logs or any answer', () => {
    const files = readdirSync(platform.dataDir, { recursive: true, encoding: 'utf8' });
    for (const reason of reasons) {
      const canary = reason.slice(0, 16);
      for (const file of files) {
        let bytes: Buffer;
        try {
          bytes = readFileSync(join(platform.dataDir, file));
        } catch {
          continue; // a directory
        }
        expect(bytes.includes(canary), file).toBe(false);
      }
      expect(platform.logs.filter((l) => l.includes(canary))).toEqual([]);
      expect(responses.filter((r) => r.includes(canary))).toEqual([]);
    }
    expect(responses.length).toBeGreaterThan(10);
  });

  it('sent nothing outside the two origins, tripped no CSP, and no page has a serious axe finding', () =>
    expectCleanStory(story, ['proposed', 'asked', 'inbox', 'opened', 'asked-again']));
});
