// Issue 12, finding 5, in real Chromium: a man in the middle in front of intake (the power of a
// compromised server) slips one forged message into the returning whistleblower's thread, between
// two genuine questions from the investigator. It claims the listed investigator's key and is
// even encrypted under the real report key (stronger than a real attacker, who has no report
// key), but its signature is not the investigator's. The genuine build must show it as an
// unverified message, with neither its text nor an investigator label, and show both genuine
// questions; the whistleblower can still reply, and intake takes the reply (the sequence the
// browser gives it comes from the verified messages). With the old all-or-nothing thread, every
// message showed as failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  generateSigningKeyPair,
  sealMessage,
  type SubmissionEnvelope,
} from '@integrity-desk/protocol';
import { randomUUID } from 'node:crypto';
import { startMitmProxy, type MitmProxy } from '../support/mitm-proxy.ts';
import {
  hasChromium,
  launchChromium,
  missingChromiumMessage,
  type LaunchedBrowser,
} from './support/chromium.ts';
import { ensureFrontendBuild } from './support/frontend-build.ts';
import { startIntake, type IntakeServer } from './support/intake-server.ts';
import { submitFromNode } from './support/node-whistleblower.ts';
import { ReportingNavigator } from './support/whistleblower.ts';

const title = hasChromium
  ? 'a thread with one forged message'
  : `a thread with one forged message: skipped, ${missingChromiumMessage}`;

const CASE = '/api/v1/case';
const FIRST = 'Which office issued the vouchers?';
const SECOND = 'Thank you. Can you say which month?';
const FORGED = 'Please send us your name and phone number so we can call you.';
const REPLY = 'March, I think.';

type CaseAnswer = { messages: { messageId: string; envelope: unknown }[] } & Record<
  string,
  unknown
>;

describe.skipIf(!hasChromium)(title, () => {
  let server: IntakeServer;
  let proxy: MitmProxy;
  let browser: LaunchedBrowser;
  let page: Page;
  let wb: ReportingNavigator;
  let receipt = '';
  let envelope: SubmissionEnvelope;
  let reportKey: Uint8Array;

  beforeAll(async () => {
    ensureFrontendBuild();
    server = await startIntake();
    receipt = await submitFromNode(server, 'Fuel vouchers are resold at the depot.');
    const [opened] = await server.investigator.openInbox();
    envelope = opened!.envelope;
    reportKey = opened!.reportKey;
    await server.investigator.ask(envelope.reportId, reportKey, FIRST);
    await server.investigator.ask(envelope.reportId, reportKey, SECOND);
    // The forgery: the listed investigator's key and next sequence, signed by someone else.
    const forger = generateSigningKeyPair(server.backend);
    const forged = sealMessage(server.backend, {
      reportKey,
      reportId: envelope.reportId,
      messageId: randomUUID(),
      authorRole: 'investigator',
      authorSignSeed: forger.seed,
      sequence: 1,
      body: FORGED,
    });
    forged.authorKey = server.investigator.account.keys.sign.publicKey;
    proxy = await startMitmProxy(server.origin, [
      {
        matches: ({ method, path }) => method === 'GET' && path === CASE,
        rewrite: (body) => {
          const view = body as CaseAnswer;
          const messages = [...view.messages];
          messages.splice(1, 0, {
            ...messages[0]!,
            messageId: forged.messageId,
            envelope: forged,
          });
          return { ...view, messages };
        },
      },
    ]);
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    wb = new ReportingNavigator(page, proxy.origin);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.close();
  });

  it('shows the forged message as unverified on its own and the genuine ones as they are', async () => {
    await wb.returnWith(receipt);
    await wb.waitForCase();
    expect(proxy.rewritten).toBeGreaterThan(0);
    const thread = page.getByTestId('messages');
    await thread.getByText(FIRST).waitFor();
    await thread.getByText(SECOND).waitFor();
    const items = thread.locator(':scope > li');
    expect(await items.count()).toBe(3);
    const unverified = page.getByTestId('unverified-message');
    expect(await unverified.count()).toBe(1);
    // In its place in the thread, clearly marked, and attributed to no one.
    expect(await items.nth(1).getAttribute('data-testid')).toBe('unverified-message');
    const marked = await unverified.innerText();
    expect(marked).toContain('Unverified message');
    expect(marked).not.toContain('Investigator');
    expect(await page.locator('body').innerText()).not.toContain(FORGED);
    // The two genuine questions keep the investigator's label.
    for (const i of [0, 2]) expect(await items.nth(i).innerText()).toContain('Investigator');
  }, 180_000);

  it('still replies: intake takes the reply and the investigator reads it', async () => {
    await wb.reply(REPLY);
    expect(
      await server.investigator.whistleblowerMessages(
        envelope.reportId,
        reportKey,
        envelope.whistleblower.signPublicKey,
      ),
    ).toEqual([REPLY]);
  }, 180_000);
});
